import { describe, expect, test } from "vitest";
import { getUniqueKey } from "../checks/to-dict";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("pagertree", () => {
      test("posts trigger and resolve events keyed by the check's unique key", async () => {
        await fx.addChannel("pagertree", { value: `${fx.sink.url}/integration/int_xyz` });
        await fx.deliverDown("fail");
        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/integration/int_xyz");
        expect(req.json).toEqual({
          incident_key: getUniqueKey(fx.check.code),
          event_type: "trigger",
          title: "“DB Backup” is DOWN",
          description: [
            "The check “DB Backup” is DOWN (received a failure signal).",
            "",
            "Description: Nightly dump\nof the main DB",
            "Project: Alice's Project",
            "Tags: prod db",
            "Period: 1 hour",
            "Total Pings: 0",
            "Last Ping: Never",
          ].join("\n"),
          client: "Vigil",
          client_url: "http://localhost:8000",
          tags: "prod,db",
        });

        fx.sink.requests.length = 0;
        await fx.deliverUpAfterDowntime();
        expect(fx.onlyRequest().json).toMatchObject({ event_type: "resolve", title: "“DB Backup” is UP" });
      });

      test("“Send test notification” works", async () => {
        const channel = await fx.addChannel("pagertree", fx.sink.url);
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(fx.onlyRequest().json).toMatchObject({ title: "“TEST” is DOWN" });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True", SITE_ROOT: "http://localhost:8000" },
);
