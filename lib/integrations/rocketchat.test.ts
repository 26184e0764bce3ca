import { describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("rocketchat", () => {
      test("“Send test notification” posts a TEST check going down, once", async () => {
        const channel = await fx.addChannel("rocketchat", { value: fx.sink.url });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(JSON.stringify(fx.onlyRequest().json)).toContain("TEST");
      });

      test("posts a Markdown headline and a red attachment with the details", async () => {
        await fx.addChannel("rocketchat", { value: `${fx.sink.url}/hooks/abc/def` });
        await fx.addPing(5, 3_700_000, { kind: "fail", exitStatus: 2, body: "Traceback…" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "rocketchat", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/hooks/abc/def");
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({
          alias: "Vigil",
          text: `[DB Backup](${fx.cloakedUrl}) is DOWN (success signal did not arrive on time, grace time passed).`,
          attachments: [
            {
              color: "#d9534f",
              fields: [
                { title: "Description", value: "Nightly dump\nof the main DB" },
                { title: "Project", value: "Alice's Project", short: true },
                { title: "Tags", value: "`prod` `db`", short: true },
                { title: "Period", value: "1 hour", short: true },
                { title: "Total Pings", value: "5", short: true },
                { title: "Last Ping", value: "Exit status 2, 1 hour ago", short: true },
                // "Traceback…" is 12 bytes in UTF-8; the body itself stays on the check page.
                { title: "Last Ping Body", value: `12 bytes, [show body](${fx.cloakedUrl}#ping-5)`, short: true },
              ],
            },
          ],
        });
      });

      test("an up flip is green and says how long the downtime lasted", async () => {
        await fx.addChannel("rocketchat", `${fx.sink.url}/hooks/abc/def`);
        await fx.deliverUpAfterDowntime();
        expect(fx.onlyRequest().json).toMatchObject({
          text: `[DB Backup](${fx.cloakedUrl}) is UP. The downtime lasted 1 hour 30 minutes.`,
          attachments: [{ color: "#5cb85c" }],
        });
      });

      test("escapes schedule asterisks with a backslash; no ping means Never", async () => {
        await fx.addChannel("rocketchat", { value: fx.sink.url });
        await fx.deliverDown("", { kind: "cron", schedule: "*/10 * * * *", tz: "UTC", desc: "", tags: "" });
        const { json } = fx.onlyRequest();
        expect(json).toMatchObject({
          text: `[DB Backup](${fx.cloakedUrl}) is DOWN.`,
          attachments: [
            {
              fields: [
                { title: "Project", value: "Alice's Project", short: true },
                { title: "Schedule", value: "\\*/10 \\* \\* \\* \\*", short: true },
                { title: "Time Zone", value: "UTC", short: true },
                { title: "Total Pings", value: "0", short: true },
                { title: "Last Ping", value: "Never", short: true },
              ],
            },
          ],
        });
      });

      test("ROCKETCHAT_ENABLED=False stops deliveries", async () => {
        await fx.addChannel("rocketchat", { value: fx.sink.url });
        setEnv({ ROCKETCHAT_ENABLED: "False" });
        try {
          const report = await fx.deliverDown();
          expect(report.deliveries[0].error).toBe("Rocket.Chat notifications are not enabled.");
          expect(fx.sink.requests).toHaveLength(0);
        } finally {
          setEnv({ ROCKETCHAT_ENABLED: undefined });
        }
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
