import { describe, expect, test } from "vitest";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    const config = (extra: Record<string, unknown> = {}) => ({ url: `${fx.sink.url}/gotify/`, token: "A&b c", priority: 8, priority_up: 2, ...extra });

    describe("gotify", () => {
      test("posts a Markdown message to <server>/message with the token in the query", async () => {
        await fx.addChannel("gotify", config({ token: "AbCdEf.123" }));
        const report = await fx.deliverDown("fail", { desc: "", tags: "" });
        expect(report.deliveries).toMatchObject([{ kind: "gotify", error: "" }]);
        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/gotify/message?token=AbCdEf.123");
        expect(req.json).toEqual({
          title: "“DB Backup” is DOWN",
          message: [
            "The check “DB Backup” is DOWN (received a failure signal).",
            "",
            "- **Project:** Alice's Project",
            "- **Period:** 1 hour",
            "- **Total Pings:** 0",
            "- **Last Ping:** Never",
            "",
            "All the other checks are up.",
          ].join("\n"),
          priority: 8,
          extras: { "client::display": { contentType: "text/markdown" } },
        });
      });

      test("an up flip uses priority_up; priority 0 turns an event off", async () => {
        await fx.addChannel("gotify", config({ priority: 0 }));
        expect((await fx.deliverDown()).deliveries).toEqual([]);
        await fx.deliverUpAfterDowntime();
        expect(fx.onlyRequest().json).toMatchObject({ title: "“DB Backup” is UP", priority: 2 });
      });

      test("“Send test notification” works", async () => {
        const channel = await fx.addChannel("gotify", config());
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(fx.onlyRequest().url).toBe("/gotify/message?token=A%26b+c");
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
