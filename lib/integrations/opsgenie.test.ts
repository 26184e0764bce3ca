import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { getUniqueKey } from "../checks/to-dict";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeEach(() => {
      setEnv({ OPSGENIE_API_URL: fx.sink.url });
    });
    afterAll(() => {
      setEnv({ OPSGENIE_API_URL: undefined });
    });

    describe("opsgenie", () => {
      test("creates an alert aliased by the check's unique key, with GenieKey auth", async () => {
        await fx.addChannel("opsgenie", { key: "0b1f9a2c-key", region: "eu" });
        await fx.addPing(3, 7_300_000);
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "opsgenie", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/v2/alerts");
        expect(req.headers.authorization).toBe("GenieKey 0b1f9a2c-key");
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({
          alias: getUniqueKey(fx.check.code),
          source: "Vigil",
          tags: ["prod", "db"],
          message: "“DB Backup” is DOWN",
          description: [
            "The check “DB Backup” is DOWN (success signal did not arrive on time, grace time passed).",
            "",
            "Description: Nightly dump\nof the main DB",
            "Project: Alice's Project",
            "Tags: prod db",
            "Period: 1 hour",
            "Total Pings: 3",
            "Last Ping: Success, 2 hours ago",
          ].join("\n"),
          details: {
            Project: "Alice's Project",
            Tags: "prod db",
            Period: "1 hour",
            "Total Pings": "3",
            "Last Ping": "Success, 2 hours ago",
            "Full details": fx.cloakedUrl,
          },
        });
        expect(req.body.toString()).not.toContain(fx.check.code);
      });

      test("an up flip closes the alert by alias", async () => {
        await fx.addChannel("opsgenie", { key: "k1" });
        await fx.deliverUpAfterDowntime();
        const req = fx.onlyRequest();
        expect(req.url).toBe(`/v2/alerts/${getUniqueKey(fx.check.code)}/close?identifierType=alias`);
        expect(req.json).toEqual({ alias: getUniqueKey(fx.check.code), source: "Vigil" });
      });

      test("Opsgenie's error message is recorded; “Send test notification” works", async () => {
        respondWith(fx.sink, 422, JSON.stringify({ message: "Key format is not valid!" }));
        const channel = await fx.addChannel("opsgenie", { key: "k1", region: "us" });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({
          status: "down",
          error: 'Received status code 422 with a message: "Key format is not valid!"',
        });
        expect(fx.onlyRequest().json).toMatchObject({ message: "“TEST” is DOWN" });
        expect(await fx.reload(channel)).toMatchObject({ disabled: false });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
