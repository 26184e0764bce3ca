import { describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("mattermost", () => {
      test("“Send test notification” posts a TEST check going down, once", async () => {
        const channel = await fx.addChannel("mattermost", { value: fx.sink.url });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(JSON.stringify(fx.onlyRequest().json)).toContain("TEST");
      });

      test("posts Slack's attachment message to the incoming webhook", async () => {
        await fx.addChannel("mattermost", { value: `${fx.sink.url}/hooks/abc123` });
        await fx.addPing(2, 120_000, { body: "ok" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "mattermost", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/hooks/abc123");
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
                { title: "Total Pings", value: "2", short: true },
                { title: "Last Ping", value: "Success, 2 minutes ago", short: true },
                { title: "Last Ping Body", value: "```\nok\n```" },
              ],
            },
          ],
        });
      });

      test("an up flip is green with the downtime", async () => {
        await fx.addChannel("mattermost", `${fx.sink.url}/hooks/abc123`);
        await fx.deliverUpAfterDowntime();
        expect(fx.onlyRequest().json).toMatchObject({
          attachments: [{ color: "good", title: "“DB Backup” is UP.", text: "The downtime lasted 1 hour 30 minutes." }],
        });
      });

      test("a 404 is an error but not a permanent one", async () => {
        respondWith(fx.sink, 404);
        const channel = await fx.addChannel("mattermost", { value: fx.sink.url });
        await fx.deliverDown();
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Received status code 404" });
      });

      test("MATTERMOST_ENABLED=False stops deliveries", async () => {
        await fx.addChannel("mattermost", { value: fx.sink.url });
        setEnv({ MATTERMOST_ENABLED: "False" });
        try {
          const report = await fx.deliverDown();
          expect(report.deliveries[0].error).toBe("Mattermost notifications are not enabled.");
          expect(fx.sink.requests).toHaveLength(0);
        } finally {
          setEnv({ MATTERMOST_ENABLED: undefined });
        }
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
