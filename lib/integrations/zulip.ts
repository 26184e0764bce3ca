// Zulip integration (Healthchecks' Zulip transport): a form POST to <site>/api/v1/messages as
// the bot (HTTP basic auth), to a stream and topic or privately to users, in Zulip Markdown.
// Stored config: {"bot_email", "api_key", "mtype": "stream" | "private", "to", "site", "topic"}.
import { z } from "zod";
import { request } from "../http";
import { isHttpUrl, readConfigObject, str } from "./config";
import type { KindDescriptor } from "./descriptor";
import { getNameThenCode } from "./message";
import { buildPushMessage } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";

const zulipConfig = z.strictObject({
  bot_email: z
    .string({ error: "must be a string" })
    .max(254, { error: "must be at most 254 characters" })
    .regex(/^[^\s@]+@[^\s@]+$/, { error: "must be an email address" }),
  // Goes into a Basic auth header, so no spaces or control characters.
  api_key: z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .max(100, { error: "must be at most 100 characters" })
    .regex(/^[\x21-\x7e]+$/, { error: "must not contain spaces" }),
  mtype: z.enum(["stream", "private"], { error: 'must be "stream" or "private"' }).default("stream"),
  to: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).max(200, { error: "must be at most 200 characters" }),
  site: z
    .string({ error: "must be a string" })
    .max(200, { error: "must be at most 200 characters" })
    .refine(isHttpUrl, { error: "must be an http or https URL" })
    .transform((s) => s.replace(/\/+$/, "")),
  topic: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).default(""),
});

export type ZulipConfig = z.output<typeof zulipConfig>;

export function readZulipConfig(json: string): ZulipConfig {
  const c = readConfigObject(json);
  return {
    bot_email: str(c.bot_email),
    api_key: str(c.api_key),
    mtype: c.mtype === "private" ? "private" : "stream",
    to: str(c.to),
    // Healthchecks' early Zulip channels had no site: the bot's domain was the server.
    site: str(c.site).replace(/\/+$/, "") || `https://${str(c.bot_email).split("@")[1] ?? ""}`,
    topic: str(c.topic),
  };
}

function readZulipMessage(body: Buffer): string {
  try {
    const msg = (JSON.parse(body.toString("utf8")) as { msg?: unknown }).msg;
    return typeof msg === "string" ? msg : "";
  } catch {
    return "";
  }
}

export const zulipTransport: Transport = {
  kind: "zulip",

  isNoop: () => false,

  async notify(ctx: NotifyContext): Promise<void> {
    const config = readZulipConfig(ctx.channel.config);
    const { message } = await buildPushMessage(ctx, { markup: "markdown", withOtherDownChecks: true });
    const topic = config.topic || `${getNameThenCode(ctx.check)} is ${ctx.flip.newStatus.toUpperCase()}`;
    const auth = Buffer.from(`${config.bot_email}:${config.api_key}`).toString("base64");
    await request({
      method: "POST",
      url: `${config.site}/api/v1/messages`,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${auth}` },
      body: new URLSearchParams({ type: config.mtype, to: config.to, topic, content: message }).toString(),
      retries: ctx.isTest ? 1 : 3,
      errorForStatus: (res) => {
        const msg = readZulipMessage(res.body);
        const detail = msg ? ` with a message: "${msg}"` : "";
        // A revoked bot or a wrong key will not start working on retry.
        return new TransportError(`Received status code ${res.status}${detail}`, { permanent: res.status === 401 });
      },
    });
  },
};

export const zulipKind: KindDescriptor<ZulipConfig> = {
  kind: "zulip",
  label: "Zulip",
  description: "Post a message to a Zulip stream or send it privately, as your bot.",
  icon: "chat",
  configSchema: zulipConfig,
  readConfig: readZulipConfig,
  transport: zulipTransport,
  form: {
    layout: "settings",
    steps: [
      "In Zulip, open “Personal settings” → “Bots” → “Add a new bot”, choose “Incoming webhook” and create it.",
      "Copy the bot's email and API key (from its “Download zuliprc” link) and enter them below with your Zulip server's address.",
      "Choose the stream (and topic) or the people to message.",
    ],
    fields: [
      { name: "bot_email", label: "Bot email", type: "text", required: true, maxLength: 254, placeholder: "alerts-bot@example.zulipchat.com" },
      { name: "api_key", label: "Bot API key", type: "password", required: true, maxLength: 100 },
      { name: "site", label: "Zulip server", type: "url", required: true, maxLength: 200, placeholder: "https://example.zulipchat.com" },
      {
        name: "mtype",
        label: "Post to",
        type: "select",
        options: [
          { value: "stream", label: "A stream" },
          { value: "private", label: "Private message" },
        ],
      },
      { name: "to", label: "Stream name, or the recipients' emails", type: "text", required: true, maxLength: 200, placeholder: "ops" },
      { name: "topic", label: "Topic (optional)", type: "text", maxLength: 100, hint: "Default: “<check name> is DOWN” (or UP)." },
    ],
    defaults: { mtype: "stream" },
    toConfig: (v) => ({ config: { bot_email: v.bot_email, api_key: v.api_key, mtype: v.mtype, to: v.to, site: v.site, topic: v.topic } }),
    fromConfig: (c) => ({ bot_email: c.bot_email, api_key: c.api_key, site: c.site, mtype: c.mtype, to: c.to, topic: c.topic }),
  },
  summarize: (c) => {
    if (!c.to) return [];
    return [c.mtype === "private" ? `Private message to ${c.to}` : `Stream ${c.to}${c.topic ? `, topic ${c.topic}` : ""}`];
  },
  isEnabled: (env) => env.zulipEnabled,
};
