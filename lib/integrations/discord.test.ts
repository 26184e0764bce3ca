import { describe, expect, test } from "vitest";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";
import { getDiscordSlackUrl } from "./discord";

describe("getDiscordSlackUrl", () => {
  test.each([
    ["https://discord.com/api/webhooks/1/tok", "https://discord.com/api/webhooks/1/tok/slack"],
    ["https://discord.com/api/webhooks/1/tok/", "https://discord.com/api/webhooks/1/tok/slack"],
    ["https://discord.com/api/webhooks/1/tok?thread_id=9", "https://discord.com/api/webhooks/1/tok/slack?thread_id=9"],
  ])("%s → %s", (input, expected) => {
    expect(getDiscordSlackUrl(input)).toBe(expected);
  });
});

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("discord", () => {
      test("“Send test notification” posts a TEST check going down, once", async () => {
        const channel = await fx.addChannel("discord", { value: fx.sink.url });
        expect(await sendTestNotification(fx.ownerId, channel.code)).toEqual({ status: "down", error: "" });
        expect(JSON.stringify(fx.onlyRequest().json)).toContain("TEST");
      });

      test("posts Slack's message to <webhook URL>/slack, asterisks escaped with a backslash", async () => {
        await fx.addChannel("discord", { webhook: { id: "123", token: "tok", url: `${fx.sink.url}/api/webhooks/123/tok` } });
        await fx.addPing(4, 1_800_000, { kind: "start" });
        const report = await fx.deliverDown("fail", { kind: "cron", schedule: "0 * * * *", tz: "UTC" });
        expect(report.deliveries).toMatchObject([{ kind: "discord", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/api/webhooks/123/tok/slack");
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
              text: "Reason: received a failure signal.",
              fields: [
                { title: "Description", value: "Nightly dump\nof the main DB" },
                { title: "Project", value: "Alice's Project", short: true },
                { title: "Tags", value: "`prod` `db`", short: true },
                { title: "Schedule", value: "0 \\* \\* \\* \\*", short: true },
                { title: "Time Zone", value: "UTC", short: true },
                { title: "Total Pings", value: "4", short: true },
                { title: "Last Ping", value: "Started, 30 minutes ago", short: true },
              ],
            },
          ],
        });
      });

      test("accepts a pasted webhook URL and reports an up flip", async () => {
        await fx.addChannel("discord", { value: `${fx.sink.url}/api/webhooks/1/t` });
        await fx.deliverUpAfterDowntime();
        const req = fx.onlyRequest();
        expect(req.url).toBe("/api/webhooks/1/t/slack");
        expect(req.json).toMatchObject({ attachments: [{ color: "good", title: "“DB Backup” is UP." }] });
      });

      test("a 404 (webhook deleted) disables the channel", async () => {
        respondWith(fx.sink, 404, '{"message": "Unknown Webhook", "code": 10015}');
        const channel = await fx.addChannel("discord", { value: fx.sink.url });
        const report = await fx.deliverDown();
        expect(report.deliveries[0].error).toBe("Received status code 404");
        expect(fx.sink.requests).toHaveLength(1);
        expect(await fx.reload(channel)).toMatchObject({ disabled: true, lastError: "Received status code 404" });
      });

      test("a 429 is retried and keeps the channel enabled", async () => {
        respondWith(fx.sink, 429);
        const channel = await fx.addChannel("discord", { value: fx.sink.url });
        await fx.deliverDown();
        expect(fx.sink.requests).toHaveLength(3);
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Received status code 429" });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
