import { describe, expect, test } from "vitest";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    const config = (extra: Record<string, unknown> = {}) => ({
      bot_email: "alerts-bot@example.zulipchat.com",
      api_key: "fakekey123",
      mtype: "stream",
      to: "ops",
      site: `${fx.sink.url}/zulip`,
      topic: "",
      ...extra,
    });
    const form = () => Object.fromEntries(new URLSearchParams(fx.sink.requests[0].body.toString("utf8")));

    describe("zulip", () => {
      test("posts a Markdown message to <site>/api/v1/messages as the bot, with the default topic", async () => {
        await fx.addChannel("zulip", config());
        const report = await fx.deliverDown("fail", { desc: "", tags: "" });
        expect(report.deliveries).toMatchObject([{ kind: "zulip", error: "" }]);
        expect(fx.sink.requests).toHaveLength(1);
        const req = fx.sink.requests[0];
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/zulip/api/v1/messages");
        expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
        expect(req.headers.authorization).toBe(`Basic ${Buffer.from("alerts-bot@example.zulipchat.com:fakekey123").toString("base64")}`);
        expect(form()).toEqual({
          type: "stream",
          to: "ops",
          topic: "DB Backup is DOWN",
          content: [
            "The check “DB Backup” is DOWN (received a failure signal).",
            "",
            "- **Project:** Alice's Project",
            "- **Period:** 1 hour",
            "- **Total Pings:** 0",
            "- **Last Ping:** Never",
            "",
            "All the other checks are up.",
          ].join("\n"),
        });
      });

      test("a private message with a set topic; up flips say UP", async () => {
        await fx.addChannel("zulip", config({ mtype: "private", to: "ops@example.org", topic: "Backups" }));
        await fx.deliverUpAfterDowntime();
        const sent = form();
        expect(sent).toMatchObject({ type: "private", to: "ops@example.org", topic: "Backups" });
        expect(sent.content).toMatch(/^The check “DB Backup” is UP\. The downtime lasted 1 hour 30 minutes\./);
      });

      test("the default topic of an up flip", async () => {
        await fx.addChannel("zulip", config());
        await fx.deliverUpAfterDowntime();
        expect(form().topic).toBe("DB Backup is UP");
      });

      test("a 400 records Zulip's message; a 401 disables the channel", async () => {
        const channel = await fx.addChannel("zulip", config());
        respondWith(fx.sink, 400, JSON.stringify({ result: "error", msg: "Stream 'ops' does not exist" }));
        expect((await fx.deliverDown()).deliveries[0].error).toBe(`Received status code 400 with a message: "Stream 'ops' does not exist"`);
        expect((await fx.reload(channel)).disabled).toBe(false);
        respondWith(fx.sink, 401, JSON.stringify({ result: "error", msg: "Invalid API key" }));
        expect((await fx.deliverDown()).deliveries[0].error).toBe(`Received status code 401 with a message: "Invalid API key"`);
        expect((await fx.reload(channel)).disabled).toBe(true);
      });

      test("“Send test notification” works", async () => {
        const channel = await fx.addChannel("zulip", config());
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(form().topic).toBe("TEST is DOWN");
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
