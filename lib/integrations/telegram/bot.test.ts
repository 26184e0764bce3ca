import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../../env";
import { useHttpSink } from "../../../tests/helpers/alerts";
import { readTelegramChatToken, signTelegramChat } from "./chat-token";
import { getStartChat, handleTelegramUpdate } from "./bot";

const TOKEN = "42:bot-token";
const sink = useHttpSink();
beforeEach(() => {
  sink.respond = (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } }));
  };
  setEnv({ TELEGRAM_TOKEN: TOKEN, TELEGRAM_API_URL: sink.url, TELEGRAM_BOT_NAME: "VigilBot", INTEGRATIONS_ALLOW_PRIVATE_IPS: "True", SECRET_KEY: "s3cret" });
});
afterEach(() =>
  setEnv({ TELEGRAM_TOKEN: undefined, TELEGRAM_API_URL: undefined, TELEGRAM_BOT_NAME: undefined, INTEGRATIONS_ALLOW_PRIVATE_IPS: undefined, SECRET_KEY: undefined }),
);

describe("telegram chat tokens", () => {
  const chat = { id: -1001, thread_id: 5, type: "supergroup", name: "Ops" };
  test("round-trip; tampered or expired tokens are refused", () => {
    const token = signTelegramChat(chat);
    expect(readTelegramChatToken(token)).toEqual(chat);
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...chat, id: 1, iat: Math.floor(Date.now() / 1000) })).toString("base64url");
    expect(readTelegramChatToken(`${forged}.${sig}`)).toBeNull();
    expect(readTelegramChatToken(`${payload}.x${sig.slice(1)}`)).toBeNull();
    expect(readTelegramChatToken(token, new Date(Date.now() + 8 * 24 * 3600 * 1000))).toBeNull();
    expect(readTelegramChatToken("garbage")).toBeNull();
  });
});

describe("the bot webhook", () => {
  test("/start in a group gets a link carrying the chat; other messages are ignored", async () => {
    const update = { update_id: 1, message: { message_id: 9, text: "/start@VigilBot", chat: { id: -55, type: "group", title: "Ops team" } } };
    expect(getStartChat(update)).toEqual({ id: -55, thread_id: null, type: "group", name: "Ops team" });
    expect(await handleTelegramUpdate(update)).toBe(true);
    expect(sink.requests).toHaveLength(1);
    const req = sink.requests[0];
    expect(req.url).toBe(`/bot${TOKEN}/sendMessage`);
    const body = JSON.parse(req.body.toString()) as { chat_id: number; parse_mode: string; text: string };
    expect(body).toMatchObject({ chat_id: -55, parse_mode: "HTML" });
    const link = /href="([^"]+)"/.exec(body.text)![1].replaceAll("&amp;", "&");
    expect(link).toMatch(/^http:\/\/localhost:8000\/integrations\/add\/telegram\/\?token=/);
    expect(readTelegramChatToken(new URL(link).searchParams.get("token")!)).toEqual({ id: -55, thread_id: null, type: "group", name: "Ops team" });

    expect(await handleTelegramUpdate({ update_id: 2, message: { text: "hello", chat: { id: 1, type: "private" } } })).toBe(false);
    expect(await handleTelegramUpdate({ update_id: 3, edited_message: {} })).toBe(false);
    expect(sink.requests).toHaveLength(1);
  });

  test("a private chat is named after the user; a forum topic keeps its thread", () => {
    expect(getStartChat({ message: { text: "/start", chat: { id: 7, type: "private", first_name: "Alice", last_name: "Liddell" } } })).toEqual({
      id: 7,
      thread_id: null,
      type: "private",
      name: "Alice Liddell",
    });
    expect(getStartChat({ message: { text: "/start", is_topic_message: true, message_thread_id: 3, chat: { id: -9, type: "supergroup", title: "Forum" } } })).toMatchObject({
      thread_id: 3,
    });
  });
});
