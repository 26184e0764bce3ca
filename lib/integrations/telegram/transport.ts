// Telegram's transport (Healthchecks' hc/integrations/telegram): the bot (TELEGRAM_TOKEN) sends
// an HTML message to the chat a project linked with /start (bot.ts), with telegraf's Telegram
// client against TELEGRAM_API_URL, loaded by the first Telegram message rather than at start-up.
import type { TelegramError as TelegramErrorClass } from "telegraf";
import { getDb, type Channel, type Flip } from "../../db";
import { getEnv } from "../../env";
import { escapeHtml } from "../../format";
import {
  describeFlip,
  findOtherDownChecks,
  formatOtherDownChecks,
  getCheckFacts,
  getCloakedUrl,
  getDowntimeSeconds,
  getNameThenCode,
  getPingBodyText,
  type OtherDownCheck,
  getFlipDirection,
  getFlipEmoji,
} from "../message";
import { consumeToken } from "../../rate-limit/consume-token";
import { checkTarget, genericLibraryError, guardedNodeAgent, withRetries } from "../library-net";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";

/** The chat a channel posts to: {"id", "thread_id": forum topic or null, "type", "name"}. */
export interface TelegramChat {
  id: number;
  thread_id: number | null;
  type: string;
  name: string;
}

/** The chat of a stored config, or null when it has no chat id. */
export function readTelegramChat(config: string): TelegramChat | null {
  try {
    const parsed = JSON.parse(config) as Partial<TelegramChat>;
    if (typeof parsed.id !== "number") return null;
    return {
      id: parsed.id,
      thread_id: typeof parsed.thread_id === "number" ? parsed.thread_id : null,
      type: typeof parsed.type === "string" ? parsed.type : "private",
      name: typeof parsed.name === "string" ? parsed.name : "",
    };
  } catch {
    return null;
  }
}


/** The other-down-checks block in Telegram's HTML. */
export function formatOtherDownChecksHtml(others: OtherDownCheck[], now = new Date()): string {
  return formatOtherDownChecks(others, { bold: (t) => `<b>${t}</b>`, escape: escapeHtml, bullet: "•" }, now).join("\n");
}

/** The HTML message (parse_mode html) for a flip. */
export async function buildTelegramMessage(ctx: NotifyContext): Promise<string> {
  const { check, flip } = ctx;
  const downtime = getFlipDirection(flip) === "up" ? await getDowntimeSeconds(flip) : null;
  const ping = await ctx.getLastPing();
  const icon = getFlipEmoji(flip);
  const lines = [
    `${icon} The check <a href="${escapeHtml(getCloakedUrl(check))}">${escapeHtml(getNameThenCode(check))}</a> is ${escapeHtml(describeFlip(flip, downtime))}`,
    "",
  ];
  for (const fact of getCheckFacts(check, ping, { formatTags: (tags) => tags.join(", "), withDescription: false })) {
    lines.push(`<b>${fact.title}:</b> ${escapeHtml(fact.value)}`);
  }
  const body = getPingBodyText(ping, 1000);
  if (body) lines.push("<b>Last Ping Body:</b>", `<pre>${escapeHtml(body)}</pre>`);

  lines.push("", formatOtherDownChecksHtml(await findOtherDownChecks(check)));
  return lines.join("\n");
}

// Telegram's descriptions for chats the bot can never post to again.
const PERMANENT = [
  "bot was blocked by the user",
  "bot was kicked",
  "chat not found",
  "user is deactivated",
  "the group chat was deleted",
  "group chat was deactivated",
  "bot is not a member",
  "need administrator rights",
];

/** A Bot API error; `migrateToChatId` is set when a group became a supergroup. */
export class TelegramTransportError extends TransportError {
  constructor(
    message: string,
    permanent: boolean,
    readonly migrateToChatId: number | null,
  ) {
    super(message, { permanent });
  }
}

/** Maps telegraf's TelegramError (Bot API error_code + description) to a TransportError. */
export function toTelegramTransportError(err: unknown, TelegramError: typeof TelegramErrorClass): TransportError {
  if (err instanceof TelegramError) {
    const description = err.description ?? "";
    const migrateTo = err.parameters?.migrate_to_chat_id;
    const migrateToChatId = typeof migrateTo === "number" ? migrateTo : null;
    // A migration is not retried as is: notify() resends to the new chat id.
    const permanent = migrateToChatId !== null || PERMANENT.some((p) => description.toLowerCase().includes(p));
    return new TelegramTransportError(`Received status code ${err.code} with a message: "${description}"`, permanent, migrateToChatId);
  }
  return genericLibraryError(err);
}

/** Sends `text` (HTML) to a chat with telegraf; used by the transport and the bot webhook. */
export async function sendTelegramMessage(
  chat: Pick<TelegramChat, "id" | "thread_id">,
  text: string,
  { isTest }: { isTest: boolean },
): Promise<void> {
  const env = getEnv();
  if (!env.telegramToken) throw new TransportError("Telegram notifications are not enabled.");
  await checkTarget(env.telegramApiUrl);
  const { Telegraf, TelegramError } = await import("telegraf");
  const agent = guardedNodeAgent(new URL(env.telegramApiUrl).protocol);
  // telegraf resolves "./bot<token>/<method>" against apiRoot: without the trailing slash a
  // path in TELEGRAM_API_URL (a proxy's /telegram) would be dropped.
  const bot = new Telegraf(env.telegramToken, { telegram: { apiRoot: `${env.telegramApiUrl}/`, agent, webhookReply: false } });
  try {
    await withRetries(
      { isTest },
      () =>
        bot.telegram.sendMessage(chat.id, text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(chat.thread_id !== null ? { message_thread_id: chat.thread_id } : {}),
        }),
      (err) => toTelegramTransportError(err, TelegramError),
    );
  } finally {
    agent.destroy();
  }
}

export const telegramTransport: Transport = {
  kind: "telegram",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const chat = readTelegramChat(ctx.channel.config);
    if (!chat) throw new TransportError("Invalid Telegram chat", { permanent: true });
    if (!getEnv().telegramToken) throw new TransportError("Telegram notifications are not enabled.");
    if (!(await consumeToken(`tg-${chat.id}`, 6, 60))) throw new TransportError("Rate limit exceeded");
    const text = await buildTelegramMessage(ctx);
    try {
      await sendTelegramMessage(chat, text, ctx);
    } catch (err) {
      // A group upgraded to a supergroup gets a new id: store it and send there instead.
      const newId = err instanceof TelegramTransportError ? err.migrateToChatId : null;
      if (newId === null) throw err;
      const migrated = { ...chat, id: newId, type: "supergroup" };
      await getDb().channel.update({ where: { id: ctx.channel.id }, data: { config: JSON.stringify(migrated) } });
      await sendTelegramMessage(migrated, text, ctx);
    }
  },
};
