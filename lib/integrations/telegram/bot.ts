// The bot webhook (/integrations/telegram/bot/, set with Telegram's setWebhook): answers /start
// (also "/start@<bot name>", in private chats, groups and forum topics) with a link that
// connects the chat to a project. Every other update is ignored. With TELEGRAM_WEBHOOK_SECRET
// set (and given to setWebhook as secret_token), only requests carrying it in
// X-Telegram-Bot-Api-Secret-Token are Telegram's.
import { getEnv } from "../../env";
import { escapeHtml } from "../../format";
import { sameString } from "../oauth";
import { signTelegramChat } from "./chat-token";
import { sendTelegramMessage, type TelegramChat } from "./transport";

/**
 * Whether a webhook request comes from Telegram: always true without TELEGRAM_WEBHOOK_SECRET,
 * else when `header` (X-Telegram-Bot-Api-Secret-Token) equals it.
 */
export function isTelegramWebhookRequest(header: string | null): boolean {
  const secret = getEnv().telegramWebhookSecret;
  return !secret || (header !== null && sameString(header, secret));
}

interface TelegramMessage {
  text?: unknown;
  message_thread_id?: unknown;
  is_topic_message?: unknown;
  chat?: { id?: unknown; type?: unknown; title?: unknown; username?: unknown; first_name?: unknown; last_name?: unknown };
}

/** The chat a /start message came from, or null when the update is something else. */
export function getStartChat(update: unknown): TelegramChat | null {
  if (typeof update !== "object" || update === null) return null;
  const u = update as { message?: TelegramMessage; channel_post?: TelegramMessage };
  const message = u.message ?? u.channel_post;
  if (!message || typeof message.text !== "string" || !message.chat) return null;
  const command = message.text.trim().split(/\s+/)[0].toLowerCase();
  const bot = getEnv().telegramBotName.toLowerCase();
  if (command !== "/start" && command !== `/start@${bot}`) return null;
  const { id, type, title, first_name, last_name, username } = message.chat;
  if (typeof id !== "number" || typeof type !== "string") return null;
  const personal = [first_name, last_name].filter((s): s is string => typeof s === "string" && s !== "").join(" ");
  const name = (typeof title === "string" && title) || personal || (typeof username === "string" ? username : "");
  const threadId = message.is_topic_message === true && typeof message.message_thread_id === "number" ? message.message_thread_id : null;
  return { id, thread_id: threadId, type, name: [...name].slice(0, 100).join("") };
}

export function getConnectUrl(chat: TelegramChat): string {
  return `${getEnv().siteRoot}/integrations/add/telegram/?${new URLSearchParams({ token: signTelegramChat(chat) })}`;
}

/** Handles one update; true when it was a /start that got a reply. Throws TransportError. */
export async function handleTelegramUpdate(update: unknown): Promise<boolean> {
  const chat = getStartChat(update);
  if (!chat) return false;
  const { siteName } = getEnv();
  const text = [
    `Hello! This chat can receive ${escapeHtml(siteName)} notifications.`,
    "",
    `<a href="${escapeHtml(getConnectUrl(chat))}">Connect this chat to a ${escapeHtml(siteName)} project</a>`,
  ].join("\n");
  await sendTelegramMessage(chat, text, { isTest: true });
  return true;
}
