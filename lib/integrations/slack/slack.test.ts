import { describe, expect, test } from "vitest";
import { setEnv } from "../../env";
import { userActor } from "../../auth/actor";
import { sendTestNotification } from "../../channels/send-test-notification";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("slack", () => {
      test("“Send test notification” posts a TEST check going down, once", async () => {
        const channel = await fx.addChannel("slack", { value: fx.sink.url });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(JSON.stringify(fx.onlyRequest().json)).toContain("TEST");
      });

      test("posts the attachment message of a down flip to the incoming webhook", async () => {
        const channel = await fx.addChannel("slack", { value: `${fx.sink.url}/services/T000/B000/XXXX` });
        await fx.addPing(7, 3_605_000, { kind: "fail", body: "disk full" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "slack", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/services/T000/B000/XXXX");
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({
          username: "Vigil",
          attachments: [
            {
              color: "danger",
              fallback: 'The check "DB Backup" is DOWN.',
              mrkdwn_in: ["fields"],
              title: "“DB Backup” is DOWN.",
              title_link: fx.cloakedUrl,
              text: "Reason: success signal did not arrive on time, grace time passed.",
              fields: [
                { title: "Description", value: "Nightly dump\nof the main DB" },
                { title: "Project", value: "Alice's Project", short: true },
                { title: "Tags", value: "`prod` `db`", short: true },
                { title: "Period", value: "1 hour", short: true },
                { title: "Total Pings", value: "7", short: true },
                { title: "Last Ping", value: "Failure, 1 hour ago", short: true },
                { title: "Last Ping Body", value: "```\ndisk full\n```" },
              ],
            },
          ],
        });
        expect(req.body.toString()).not.toContain(fx.check.code);
        expect((await fx.reload(channel)).lastError).toBe("");
      });

      test("an up flip is green and says how long the downtime lasted", async () => {
        await fx.addChannel("slack", `${fx.sink.url}/hook`);
        await fx.deliverUpAfterDowntime();
        const { json } = fx.onlyRequest();
        expect(json).toMatchObject({
          attachments: [{ color: "good", title: "“DB Backup” is UP.", text: "The downtime lasted 1 hour 30 minutes." }],
        });
      });

      test("cron schedules get their asterisks escaped and a time zone; no ping means Never", async () => {
        await fx.addChannel("slack", { value: fx.sink.url });
        await fx.deliverDown("fail", { kind: "cron", schedule: "*/5 * * * *", tz: "Europe/Riga", desc: "", tags: "" });
        const { json } = fx.onlyRequest();
        expect(json).toMatchObject({
          attachments: [
            {
              text: "Reason: received a failure signal.",
              fields: [
                { title: "Project", value: "Alice's Project", short: true },
                { title: "Schedule", value: "\u034f*/5 \u034f* \u034f* \u034f* \u034f*", short: true },
                { title: "Time Zone", value: "Europe/Riga", short: true },
                { title: "Total Pings", value: "0", short: true },
                { title: "Last Ping", value: "Never", short: true },
              ],
            },
          ],
        });
      });

      test("leaves out a body that would break the code block, and truncates long ones", async () => {
        await fx.addChannel("slack", { value: fx.sink.url });
        await fx.addPing(1, 1000, { body: "a ``` b" });
        await fx.deliverDown();
        const fields = (fx.onlyRequest().json as { attachments: { fields: { title: string; value: string }[] }[] }).attachments[0].fields;
        expect(fields.map((f) => f.title)).not.toContain("Last Ping Body");

        fx.sink.requests.length = 0;
        await fx.addPing(2, 500, { body: "x".repeat(1500) });
        await fx.deliverDown();
        const body = (fx.onlyRequest().json as { attachments: { fields: { title: string; value: string }[] }[] }).attachments[0].fields.at(-1);
        expect(body).toEqual({ title: "Last Ping Body", value: `\`\`\`\n${"x".repeat(1000)}\n[truncated]\n\`\`\`` });
      });

      test("accepts the OAuth config of “Add to Slack”", async () => {
        await fx.addChannel("slack", { team_name: "Acme", incoming_webhook: { url: `${fx.sink.url}/oauth-hook`, channel: "#ops" } });
        await fx.deliverDown();
        expect(fx.onlyRequest().url).toBe("/oauth-hook");
      });

      test("a 404 disables the channel without retrying", async () => {
        respondWith(fx.sink, 404, "no_service");
        const channel = await fx.addChannel("slack", { value: fx.sink.url });
        const report = await fx.deliverDown();
        expect(report.deliveries[0].error).toBe("Received status code 404");
        expect(fx.sink.requests).toHaveLength(1);
        expect(await fx.reload(channel)).toMatchObject({ disabled: true, lastError: "Received status code 404" });
      });

      test("a 400 invalid_token disables the channel; another 400 does not", async () => {
        respondWith(fx.sink, 400, "invalid_token");
        const channel = await fx.addChannel("slack", { value: fx.sink.url });
        await fx.deliverDown();
        expect(await fx.reload(channel)).toMatchObject({ disabled: true, lastError: "Received status code 400" });

        respondWith(fx.sink, 400, "invalid_payload");
        const other = await fx.addChannel("slack", { value: fx.sink.url });
        await fx.deliverDown();
        expect(await fx.reload(other)).toMatchObject({ disabled: false, lastError: "Received status code 400" });
      });

      test("a 500 is retried three times and keeps the channel enabled", async () => {
        respondWith(fx.sink, 500);
        const channel = await fx.addChannel("slack", { value: fx.sink.url });
        await fx.deliverDown();
        expect(fx.sink.requests).toHaveLength(3);
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Received status code 500" });
      });

      test("SITE_LOGO_URL becomes the icon; SLACK_ENABLED=False stops deliveries", async () => {
        await fx.addChannel("slack", { value: fx.sink.url });
        setEnv({ SITE_LOGO_URL: "https://vigil.example.org/logo.png" });
        try {
          await fx.deliverDown();
          expect(fx.onlyRequest().json).toMatchObject({ username: "Vigil", icon_url: "https://vigil.example.org/logo.png" });
        } finally {
          setEnv({ SITE_LOGO_URL: undefined });
        }
        setEnv({ SLACK_ENABLED: "False" });
        try {
          const report = await fx.deliverDown();
          expect(report.deliveries[0].error).toBe("Slack notifications are not enabled.");
          expect(fx.sink.requests).toHaveLength(1);
        } finally {
          setEnv({ SLACK_ENABLED: undefined });
        }
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
