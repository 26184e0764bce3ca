import { describe, expect, test } from "vitest";
import { getUniqueKey } from "../checks/to-dict";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("spike", () => {
      test("posts check_id, title, message and status", async () => {
        await fx.addChannel("spike", { value: `${fx.sink.url}/v1/hook/abc` });
        await fx.deliverDown("", { desc: "", tags: "" });
        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/v1/hook/abc");
        expect(req.json).toEqual({
          check_id: getUniqueKey(fx.check.code),
          title: "“DB Backup” is DOWN",
          message: "The check “DB Backup” is DOWN.\n\nProject: Alice's Project\nPeriod: 1 hour\nTotal Pings: 0\nLast Ping: Never",
          status: "down",
        });

        fx.sink.requests.length = 0;
        await fx.deliverUpAfterDowntime();
        expect(fx.onlyRequest().json).toMatchObject({ check_id: getUniqueKey(fx.check.code), status: "up" });
      });

      test("“Send test notification” works", async () => {
        const channel = await fx.addChannel("spike", fx.sink.url);
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
