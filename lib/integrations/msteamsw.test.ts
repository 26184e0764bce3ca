import { describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";

const WORKFLOW_PATH = "/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=secret";

forEachDatabase(
  () => {
    const fx = useChatFixture();

    describe("msteamsw", () => {
      test("“Send test notification” posts a TEST check going down, once", async () => {
        const channel = await fx.addChannel("msteamsw", { value: fx.sink.url });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(JSON.stringify(fx.onlyRequest().json)).toContain("TEST");
      });

      test("posts an Adaptive Card 1.2 message to the Workflows webhook", async () => {
        await fx.addChannel("msteamsw", { value: `${fx.sink.url}${WORKFLOW_PATH}` });
        await fx.addPing(3, 7_300_000, { body: "all good\n" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "msteamsw", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe(WORKFLOW_PATH);
        expect(req.headers["content-type"]).toBe("application/json");
        expect(req.json).toEqual({
          type: "message",
          attachments: [
            {
              contentType: "application/vnd.microsoft.card.adaptive",
              contentUrl: null,
              content: {
                $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
                type: "AdaptiveCard",
                fallbackText: "“DB Backup” is DOWN.",
                version: "1.2",
                body: [
                  {
                    type: "TextBlock",
                    text: "🔴 “DB Backup” is DOWN (success signal did not arrive on time, grace time passed).",
                    weight: "bolder",
                    size: "medium",
                    wrap: true,
                    style: "heading",
                  },
                  {
                    type: "FactSet",
                    facts: [
                      { title: "Description:", value: "Nightly dump\n\nof the main DB" },
                      { title: "Project:", value: "Alice's Project" },
                      { title: "Tags:", value: "prod db" },
                      { title: "Period:", value: "1 hour" },
                      { title: "Total Pings:", value: "3" },
                      { title: "Last Ping:", value: "Success, 2 hours ago" },
                    ],
                  },
                  { type: "TextBlock", text: "Last Ping Body:", weight: "bolder" },
                  { type: "CodeBlock", codeSnippet: "all good\n", language: "PlainText" },
                ],
                actions: [{ type: "Action.OpenUrl", title: "View in Vigil", url: fx.cloakedUrl }],
              },
            },
          ],
        });
      });

      test("an up flip has a green heading with the downtime, and HTML is escaped in the fallback", async () => {
        await fx.addChannel("msteamsw", `${fx.sink.url}${WORKFLOW_PATH}`);
        await fx.deliverUpAfterDowntime();
        const card = (fx.onlyRequest().json as { attachments: { content: { body: { text: string }[] } }[] }).attachments[0].content;
        expect(card.body[0].text).toBe("🟢 “DB Backup” is UP. The downtime lasted 1 hour 30 minutes.");

        fx.sink.requests.length = 0;
        await fx.deliverDown("", { name: "<b>&</b>" });
        const escaped = (fx.onlyRequest().json as { attachments: { content: { fallbackText: string; body: { text: string }[] } }[] }).attachments[0].content;
        expect(escaped.fallbackText).toBe("“&lt;b&gt;&amp;&lt;/b&gt;” is DOWN.");
        expect(escaped.body[0].text).toBe("🔴 “<b>&</b>” is DOWN.");
      });

      test("a 404 is recorded without disabling the channel; MSTEAMS_ENABLED=False stops deliveries", async () => {
        respondWith(fx.sink, 404);
        const channel = await fx.addChannel("msteamsw", { value: fx.sink.url });
        await fx.deliverDown();
        expect(await fx.reload(channel)).toMatchObject({ disabled: false, lastError: "Received status code 404" });

        setEnv({ MSTEAMS_ENABLED: "False" });
        try {
          const report = await fx.deliverDown();
          expect(report.deliveries[0].error).toBe("MS Teams notifications are not enabled.");
        } finally {
          setEnv({ MSTEAMS_ENABLED: undefined });
        }
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
