import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { getUniqueKey } from "../checks/to-dict";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeEach(() => {
      setEnv({ PD_API_URL: fx.sink.url });
    });
    afterAll(() => {
      setEnv({ PD_API_URL: undefined, PD_ENABLED: undefined });
    });

    describe("pd (PagerDuty)", () => {
      test("triggers an incident keyed by the check's unique key through Events v1", async () => {
        await fx.addChannel("pd", { service_key: "e93facc04764012d7bfb002500d5d1a6", account: "acme" });
        await fx.addPing(3, 7_300_000);
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "pd", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/generic/2010-04-15/create_event.json");
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({
          service_key: "e93facc04764012d7bfb002500d5d1a6",
          incident_key: getUniqueKey(fx.check.code),
          event_type: "trigger",
          description: "DB Backup is DOWN",
          client: "Vigil",
          client_url: fx.cloakedUrl,
          details: {
            Description: "Nightly dump\nof the main DB",
            Project: "Alice's Project",
            Tags: "prod, db",
            Period: "1 hour",
            "Total pings": "3",
            "Last ping": "Success, 2 hours ago",
          },
        });
        expect(req.body.toString()).not.toContain(fx.check.code);
      });

      test("resolves the same incident on up; cron checks send Schedule and Time zone", async () => {
        await fx.addChannel("pd", { service_key: "abc" });
        await fx.deliverDown("", { kind: "cron", schedule: "0 5 * * *", tz: "Europe/Riga" });
        await fx.deliverUpAfterDowntime();
        const [down, up] = fx.sink.requests.map((r) => JSON.parse(r.body.toString()) as Record<string, unknown>);
        expect(down).toMatchObject({ event_type: "trigger", details: { Schedule: "0 5 * * *", "Time zone": "Europe/Riga" } });
        expect(up).toMatchObject({ event_type: "resolve", description: "DB Backup is UP", incident_key: down.incident_key });
      });

      test("“Send test notification” works; PD_ENABLED=False stops deliveries", async () => {
        const channel = await fx.addChannel("pd", { service_key: "abc", account: "" });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(fx.onlyRequest().json).toMatchObject({ description: "TEST is DOWN", event_type: "trigger" });

        setEnv({ PD_ENABLED: "False" });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("PagerDuty notifications are not enabled.");
        setEnv({ PD_ENABLED: undefined });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
