import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../../env";
import { userActor } from "../../auth/actor";
import { sendTestNotification } from "../../channels/send-test-notification";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../../tests/helpers/chat";
import { parseDiscordWebhookUrl } from "./transport";

describe("parseDiscordWebhookUrl", () => {
  test.each([
    ["https://discord.com/api/webhooks/1/tok", { id: "1", token: "tok", threadId: null }],
    ["https://discord.com/api/webhooks/1/tok/", { id: "1", token: "tok", threadId: null }],
    ["https://discordapp.com/api/webhooks/1/tok?thread_id=9", { id: "1", token: "tok", threadId: "9" }],
    ["https://discord.com/api/channels/1", null],
    ["not a url", null],
  ])("%s → %j", (input, expected) => {
    expect(parseDiscordWebhookUrl(input)).toEqual(expected);
  });
});

forEachDatabase(
  () => {
    const fx = useChatFixture();
    // discord.js sends to DISCORD_API_URL whatever host the stored webhook URL names.
    beforeEach(() => setEnv({ DISCORD_API_URL: `${fx.sink.url}/api` }));
    afterEach(() => setEnv({ DISCORD_API_URL: undefined }));
    const hook = "https://discord.com/api/webhooks/1/t";

    describe("discord", () => {
      test("“Send test notification” posts a TEST check going down, once", async () => {
        const channel = await fx.addChannel("discord", { value: hook });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(JSON.stringify(fx.onlyRequest().json)).toContain("TEST");
      });

      test("posts Slack's message to DISCORD_API_URL/v10/webhooks/<id>/<token>/slack, asterisks escaped with a backslash", async () => {
        await fx.addChannel("discord", { webhook: { id: "123", token: "tok", url: "https://discord.com/api/webhooks/123/tok" } });
        await fx.addPing(4, 1_800_000, { kind: "start" });
        const report = await fx.deliverDown("fail", { kind: "cron", schedule: "0 * * * *", tz: "UTC" });
        expect(report.deliveries).toMatchObject([{ kind: "discord", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/api/v10/webhooks/123/tok/slack?wait=true");
        expect(req.headers.authorization).toBeUndefined();
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
        await fx.addChannel("discord", { value: `${hook}?thread_id=77` });
        await fx.deliverUpAfterDowntime();
        const req = fx.onlyRequest();
        expect(req.url).toBe("/api/v10/webhooks/1/t/slack?wait=true&thread_id=77");
        expect(req.json).toMatchObject({ attachments: [{ color: "good", title: "“DB Backup” is UP." }] });
      });

      test("a 404 (webhook deleted) disables the channel", async () => {
        respondWith(fx.sink, 404, '{"message": "Unknown Webhook", "code": 10015}');
        const channel = await fx.addChannel("discord", { value: hook });
        const report = await fx.deliverDown();
        expect(report.deliveries[0].error).toBe("Received status code 404");
        expect(fx.sink.requests).toHaveLength(1);
        expect(await fx.reload(channel)).toMatchObject({ disabled: true, lastError: "Received status code 404" });
      });

      test("a 429 is retried and keeps the channel enabled", async () => {
        respondWith(fx.sink, 429);
        const channel = await fx.addChannel("discord", { value: hook });
        await fx.deliverDown();
        expect(fx.sink.requests).toHaveLength(3);
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Received status code 429" });
      });

      test("a URL without a webhook id and token disables the channel without a request", async () => {
        const channel = await fx.addChannel("discord", { value: "https://discord.com/api/channels/1" });
        const report = await fx.deliverDown();
        expect(report.deliveries[0].error).toBe("Invalid Discord webhook URL");
        expect(fx.sink.requests).toHaveLength(0);
        expect(await fx.reload(channel)).toMatchObject({ disabled: true });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);

forEachDatabase(() => {
  const fx = useChatFixture();
  test("discord: the private-address rule of lib/http.ts applies to discord.js's requests", async () => {
    setEnv({ DISCORD_API_URL: `${fx.sink.url}/api`, INTEGRATIONS_ALLOW_PRIVATE_IPS: "False" });
    try {
      const channel = await fx.addChannel("discord", { value: "https://discord.com/api/webhooks/1/t" });
      const report = await fx.deliverDown();
      expect(report.deliveries[0].error).toBe("Connections to private IP addresses are not allowed");
      expect(fx.sink.requests).toHaveLength(0);
      expect(await fx.reload(channel)).toMatchObject({ disabled: false });
    } finally {
      setEnv({ DISCORD_API_URL: undefined, INTEGRATIONS_ALLOW_PRIVATE_IPS: undefined });
    }
  });
});
