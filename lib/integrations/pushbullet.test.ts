import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeEach(() => {
      setEnv({ PUSHBULLET_API_URL: fx.sink.url });
    });
    afterAll(() => {
      setEnv({ PUSHBULLET_API_URL: undefined });
    });

    describe("pushbullet", () => {
      test("pushes a note with the Access-Token header", async () => {
        await fx.addChannel("pushbullet", { value: "o.token123" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "pushbullet", error: "" }]);
        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/v2/pushes");
        expect(req.headers["access-token"]).toBe("o.token123");
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({ type: "note", title: "Vigil", body: `“DB Backup” is DOWN. ${fx.cloakedUrl}` });
      });

      test("a 401 (revoked token) disables the channel; “Send test notification” works", async () => {
        const ok = await fx.addChannel("pushbullet", "o.ok");
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: ok.code })).toEqual({ status: "down", error: "" });

        respondWith(fx.sink, 401);
        const revoked = await fx.addChannel("pushbullet", { value: "o.revoked" });
        await fx.deliverDown();
        expect(await fx.reload(revoked)).toMatchObject({ disabled: true, lastError: "Received status code 401" });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
