// The signed token of the link the bot sends in reply to /start: it carries the chat (id,
// thread, type, name) to /integrations/add/telegram/, where a signed-in user picks the project.
// HMAC-SHA256 with SECRET_KEY, so nobody can make a link that points a project at another chat.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "../../env";
import type { TelegramChat } from "./transport";

/** Links older than this are refused (the user can send /start again). */
const MAX_AGE_SECONDS = 7 * 24 * 3600;

function sign(payload: string): string {
  return createHmac("sha256", `telegram-chat:${getEnv().secretKey}`).update(payload, "utf8").digest("base64url");
}

export function signTelegramChat(chat: TelegramChat, now = new Date()): string {
  const payload = Buffer.from(JSON.stringify({ ...chat, iat: Math.floor(now.getTime() / 1000) }), "utf8").toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The chat of a valid, unexpired token; null otherwise. */
export function readTelegramChatToken(token: string, now = new Date()): TelegramChat | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof data.iat !== "number" || now.getTime() / 1000 - data.iat > MAX_AGE_SECONDS) return null;
    if (typeof data.id !== "number" || typeof data.type !== "string" || typeof data.name !== "string") return null;
    const threadId = typeof data.thread_id === "number" ? data.thread_id : null;
    return { id: data.id, thread_id: threadId, type: data.type, name: data.name };
  } catch {
    return null;
  }
}
