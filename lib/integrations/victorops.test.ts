import { describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { getUniqueKey } from "../checks/to-dict";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("victorops (Splunk On-Call)", () => {
      test("posts a CRITICAL alert for a down flip and a RECOVERY for the up flip", async () => {
        await fx.addChannel("victorops", { value: `${fx.sink.url}/integrations/generic/20131114/alert/key/routing` });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "victorops", error: "" }]);
        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/integrations/generic/20131114/alert/key/routing");
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({
          entity_id: getUniqueKey(fx.check.code),
          message_type: "CRITICAL",
          entity_display_name: "DB Backup",
          state_message: `“DB Backup” is DOWN. Details: ${fx.cloakedUrl}`,
          monitoring_tool: "Vigil",
        });

        fx.sink.requests.length = 0;
        await fx.deliverUpAfterDowntime();
        expect(fx.onlyRequest().json).toMatchObject({ entity_id: getUniqueKey(fx.check.code), message_type: "RECOVERY" });
      });

      test("a 404 disables the channel; “Send test notification” works", async () => {
        const ok = await fx.addChannel("victorops", { value: fx.sink.url });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: ok.code })).toEqual({ status: "down", error: "" });

        respondWith(fx.sink, 404);
        const gone = await fx.addChannel("victorops", { value: `${fx.sink.url}/gone` });
        await fx.deliverDown();
        expect(await fx.reload(gone)).toMatchObject({ disabled: true, lastError: "Received status code 404" });
      });

      test("VICTOROPS_ENABLED=False stops deliveries", async () => {
        await fx.addChannel("victorops", { value: fx.sink.url });
        setEnv({ VICTOROPS_ENABLED: "False" });
        try {
          expect((await fx.deliverDown()).deliveries[0].error).toBe("Splunk On-Call notifications are not enabled.");
        } finally {
          setEnv({ VICTOROPS_ENABLED: undefined });
        }
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
