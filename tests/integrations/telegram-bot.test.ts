// Telegram's bot webhook with TELEGRAM_WEBHOOK_SECRET: Telegram sends the secret given to
// setWebhook in X-Telegram-Bot-Api-Secret-Token, so a request without it is not Telegram's and
// must not make the bot send anything.
import { afterEach, beforeEach, expect, test } from "vitest";
import { POST } from "@/app/integrations/telegram/bot/route";
import { setEnv } from "../../lib/env";
import { useHttpSink } from "../helpers/alerts";

const TOKEN = "42:bot-token";
const sink = useHttpSink();
const update = { update_id: 1, message: { message_id: 9, text: "/start", chat: { id: 7, type: "private", first_name: "Ann" } } };

function webhook(secret?: string): Request {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (secret !== undefined) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
  return new Request("http://localhost:8000/integrations/telegram/bot/", { method: "POST", headers, body: JSON.stringify(update) });
}

beforeEach(() => {
  sink.respond = (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 7, type: "private" } } }));
  };
  setEnv({ TELEGRAM_TOKEN: TOKEN, TELEGRAM_API_URL: sink.url, INTEGRATIONS_ALLOW_PRIVATE_IPS: "True", TELEGRAM_WEBHOOK_SECRET: "s3cret-path-token" });
});
afterEach(() => setEnv({ TELEGRAM_TOKEN: undefined, TELEGRAM_API_URL: undefined, INTEGRATIONS_ALLOW_PRIVATE_IPS: undefined, TELEGRAM_WEBHOOK_SECRET: undefined }));

test("with a secret set, an update without it or with another one is refused and gets no reply", async () => {
  for (const secret of [undefined, "", "wrong", "s3cret-path-token-and-more"]) {
    const res = await POST(webhook(secret));
    expect(res.status).toBe(403);
  }
  expect(sink.requests).toHaveLength(0);
});

test("with a secret set, Telegram's update carrying it gets the /start reply", async () => {
  const res = await POST(webhook("s3cret-path-token"));
  expect(res.status).toBe(200);
  expect(sink.requests).toHaveLength(1);
  expect(sink.requests[0].url).toBe(`/bot${TOKEN}/sendMessage`);
});

test("without a secret, updates are answered as before", async () => {
  setEnv({ TELEGRAM_WEBHOOK_SECRET: undefined });
  expect((await POST(webhook())).status).toBe(200);
  expect(sink.requests).toHaveLength(1);
});
