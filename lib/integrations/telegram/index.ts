// The Telegram kind: our bot (TELEGRAM_TOKEN) messages a chat, stored as {"id", "thread_id",
// "type", "name"}. The chat is connected from Telegram's side: /start to the bot (bot.ts) gets a
// signed link (chat-token.ts) to a page where a signed-in user picks the project, so the setup
// "form" is that flow and there is no edit page.
import { z } from "zod";
import type { KindDescriptor } from "../descriptor";
import { readTelegramChat, telegramTransport, type TelegramChat } from "./transport";

const telegramConfig = z.strictObject({
  id: z.number({ error: "must be a number" }).int({ error: "must be an integer" }),
  thread_id: z.number({ error: "must be a number or null" }).int({ error: "must be an integer" }).nullable().default(null),
  type: z.enum(["private", "group", "supergroup", "channel"], { error: "must be private, group, supergroup or channel" }).default("private"),
  name: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).default(""),
});

export const telegramKind: KindDescriptor<TelegramChat | null> = {
  kind: "telegram",
  label: "Telegram",
  description: "Get a message from our bot in a Telegram chat, group or channel.",
  icon: "chat",
  configSchema: telegramConfig,
  readConfig: readTelegramChat,
  transport: telegramTransport,
  form: {
    layout: "connect",
    steps: [],
    fields: [],
    toConfig: () => ({ config: {} }),
    fromConfig: () => ({}),
  },
  summarize: (chat) => {
    const name = chat ? chat.name || `chat ${chat.id}` : "";
    return name ? [chat && chat.type !== "private" ? `${name} (${chat.type})` : name] : [];
  },
  isEnabled: (env) => Boolean(env.telegramToken),
};
