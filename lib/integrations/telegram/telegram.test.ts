import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../db";
import { setEnv } from "../../env";
import { userActor } from "../../auth/actor";
import { sendTestNotification } from "../../channels/send-test-notification";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { useChatFixture } from "../../../tests/helpers/chat";
import { createCheck } from "../../../tests/fixtures";
import type { HttpSink } from "../../../tests/helpers/alerts";
import { formatOtherDownChecksHtml as formatOtherDownChecks } from "./transport";

const TOKEN = "123456:ABC-token";
const CHAT = { id: -100555, thread_id: null, type: "group", name: "Ops" };

/** Answers like the Bot API: {"ok": true, "result": ...} or an error object. */
function botApi(sink: HttpSink, error?: { error_code: number; description: string; parameters?: object }): void {
  sink.respond = (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    if (error) {
      res.statusCode = error.error_code;
      res.end(JSON.stringify({ ok: false, ...error }));
    } else {
      res.end(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: CHAT.id, type: "group" } } }));
    }
  };
}

describe("formatOtherDownChecks", () => {
  test("none, a few, more than ten", () => {
    expect(formatOtherDownChecks([])).toBe("All the other checks are up.");
    const now = new Date("2026-01-01T12:00:00Z");
    expect(formatOtherDownChecks([{ name: "a<b", code: "x", lastPing: new Date("2026-01-01T11:00:00Z") }, { name: "", code: "uuid-2", lastPing: null }], now)).toBe(
      "<b>The following checks are also down:</b>\n• a&lt;b (last ping 1 hour ago)\n• uuid-2 (never pinged)",
    );
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, code: `${i}`, lastPing: null }));
    expect(formatOtherDownChecks(many)).toBe("11 other checks are also down.");
  });
});

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeEach(() => {
      setEnv({ TELEGRAM_TOKEN: TOKEN, TELEGRAM_API_URL: fx.sink.url });
      botApi(fx.sink);
    });
    afterEach(() => setEnv({ TELEGRAM_TOKEN: undefined, TELEGRAM_API_URL: undefined }));

    describe("telegram", () => {
      test("posts sendMessage with the HTML message of a down flip", async () => {
        await fx.addChannel("telegram", { ...CHAT, thread_id: 42 });
        await fx.addPing(7, 3_605_000, { kind: "fail", body: "disk <full>" });
        await createCheck(fx.project.id, { name: "Other", status: "down" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "telegram", error: "" }]);

        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe(`/bot${TOKEN}/sendMessage`);
        expect(req.headers["content-type"]).toMatch(/^application\/json/);
        expect(req.json).toEqual({
          chat_id: CHAT.id,
          message_thread_id: 42,
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          text: [
            `🔴 The check <a href="${fx.cloakedUrl}">DB Backup</a> is DOWN (success signal did not arrive on time, grace time passed).`,
            "",
            "<b>Project:</b> Alice&#x27;s Project",
            "<b>Tags:</b> prod, db",
            "<b>Period:</b> 1 hour",
            "<b>Total Pings:</b> 7",
            "<b>Last Ping:</b> Failure, 1 hour ago",
            "<b>Last Ping Body:</b>",
            "<pre>disk &lt;full&gt;</pre>",
            "",
            "<b>The following checks are also down:</b>",
            "• Other (never pinged)",
          ].join("\n"),
        });
        expect(req.body.toString()).not.toContain(fx.check.code);
      });

      test("an up flip is green; a test send works", async () => {
        const channel = await fx.addChannel("telegram", CHAT);
        await fx.deliverUpAfterDowntime();
        const { json } = fx.onlyRequest();
        expect((json as { text: string }).text).toMatch(/^🟢 The check <a href=".*">DB Backup<\/a> is UP\. The downtime lasted 1 hour 30 minutes\.\n/);
        expect((json as { text: string }).text).toMatch(/All the other checks are up\.$/);
        fx.sink.requests.length = 0;
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(fx.sink.requests).toHaveLength(1);
      });

      test("a blocked bot disables the channel without retrying", async () => {
        botApi(fx.sink, { error_code: 403, description: "Forbidden: bot was blocked by the user" });
        const channel = await fx.addChannel("telegram", CHAT);
        await fx.deliverDown();
        expect(fx.sink.requests).toHaveLength(1);
        expect(await fx.reload(channel)).toMatchObject({
          disabled: true,
          lastError: 'Received status code 403 with a message: "Forbidden: bot was blocked by the user"',
        });
      });

      test("chat not found is permanent; a 500 is retried and is not", async () => {
        botApi(fx.sink, { error_code: 400, description: "Bad Request: chat not found" });
        const channel = await fx.addChannel("telegram", CHAT);
        await fx.deliverDown();
        expect(await fx.reload(channel)).toMatchObject({ disabled: true });

        fx.sink.requests.length = 0;
        botApi(fx.sink, { error_code: 500, description: "Internal Server Error" });
        const other = await fx.addChannel("telegram", { ...CHAT, id: 77 });
        await fx.deliverDown();
        expect(fx.sink.requests.filter((r) => r.body.toString().includes('"chat_id":77'))).toHaveLength(3);
        expect(await fx.reload(other)).toMatchObject({ disabled: false });
      });

      test("a group upgraded to a supergroup: the chat id is updated and the message resent", async () => {
        let n = 0;
        fx.sink.respond = (_req, res) => {
          res.setHeader("Content-Type", "application/json");
          if (n++ === 0) {
            res.statusCode = 400;
            res.end(JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: group chat was upgraded to a supergroup chat", parameters: { migrate_to_chat_id: -1009999 } }));
          } else res.end(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: -1009999, type: "supergroup" } } }));
        };
        const channel = await fx.addChannel("telegram", CHAT);
        const report = await fx.deliverDown();
        expect(report.deliveries[0].error).toBe("");
        expect(fx.sink.requests.map((r) => (JSON.parse(r.body.toString()) as { chat_id: number }).chat_id)).toEqual([CHAT.id, -1009999]);
        expect(JSON.parse((await fx.reload(channel)).config)).toEqual({ ...CHAT, id: -1009999, type: "supergroup" });
      });

      test("six messages a minute per chat, then Rate limit exceeded", async () => {
        await fx.addChannel("telegram", CHAT);
        for (let i = 0; i < 6; i++) expect((await fx.deliverDown()).deliveries[0].error).toBe("");
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Rate limit exceeded");
        expect(fx.sink.requests).toHaveLength(6);
      });

      test("without TELEGRAM_TOKEN nothing is sent", async () => {
        setEnv({ TELEGRAM_TOKEN: undefined });
        await fx.addChannel("telegram", CHAT);
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Telegram notifications are not enabled.");
        expect(fx.sink.requests).toHaveLength(0);
        expect(await getDb().channel.count()).toBe(1);
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
