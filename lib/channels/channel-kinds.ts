// The channel kinds the API accepts, each with the zod schema of its stored config (the
// `value` of Healthchecks §6.3). Adding an integration = adding an entry here (and its
// transport in lib/integrations). Schemas output the normalised object that is stored as JSON
// in channels.config, with keys in a stable order and defaults filled in.
import { isHttpUrl } from "./is-http-url";
import { z } from "zod";
import type { Env } from "../env";
import { groupConfig, matrixConfig, shellConfig, signalConfig, zulipConfig } from "./other-configs";
import { gotifyConfig, ntfyConfig, opsgenieConfig, pdConfig, pushbulletConfig, pushoverConfig } from "./push-configs";
import { callConfig, smsConfig } from "./phone-configs";

export interface ChannelKind {
  /** Validates API input and returns the config to store. */
  schema: z.ZodType<Record<string, unknown>>;
  /** A disabled kind is refused with this message (Healthchecks hides it from the UI). */
  isEnabled?: (env: Env) => boolean;
  /** Whether a new channel may notify before its address is confirmed (email only so far). */
  isVerified?: (config: Record<string, unknown>, ctx: { env: Env; ownerEmail: string }) => boolean;
}

/**
 * Config schema for kinds whose Healthchecks value is a plain string (a webhook URL, a room
 * id...): accepts "..." or {"value": "..."} and stores {"value": "..."}.
 */
export function plainValue(value: z.ZodString): z.ZodType<Record<string, unknown>> {
  return z.union([value.transform((v) => ({ value: v })), z.strictObject({ value })]);
}

// Django's EmailValidator also accepts bare "localhost" domains, which self-hosters use.
const EMAIL = /^[^\s@]+@([^\s@.]+\.)+[^\s@.]+$|^[^\s@]+@localhost$/;

const emailConfig = z.strictObject({
  value: z
    .string({ error: "must be a string" })
    .max(254, { error: "must be at most 254 characters" })
    .regex(EMAIL, { error: "must be an email address" }),
  up: z.boolean({ error: "must be a boolean" }).default(true),
  down: z.boolean({ error: "must be a boolean" }).default(true),
});

// Limits of Healthchecks' webhook form (§6.4): URL, body and each "Name: value" header line
// at most 1000 characters; header names are HTTP tokens (so also latin-1).
const LIMIT = 1000;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const webhookMethod = z.enum(["GET", "POST", "PUT"], { error: "must be GET, POST or PUT" }).default("GET");
const webhookUrl = z
  .string({ error: "must be a string" })
  .max(LIMIT, { error: `must be at most ${LIMIT} characters` })
  .refine((s) => s === "" || isHttpUrl(s), { error: "must be an http or https URL" })
  .default("");
const webhookBody = z
  .string({ error: "must be a string" })
  .max(LIMIT, { error: `must be at most ${LIMIT} characters` })
  .default("");
const webhookHeaders = z
  .record(z.string(), z.string({ error: "values must be strings" }), { error: "must be an object" })
  .superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_NAME.test(name)) ctx.addIssue({ code: "custom", message: `has an invalid header name: ${name}` });
      else if (/[\r\n]/.test(value)) ctx.addIssue({ code: "custom", message: `header ${name} contains a line break` });
      else if (`${name}: ${value}`.length > LIMIT) {
        ctx.addIssue({ code: "custom", message: `header ${name} is longer than ${LIMIT} characters` });
      }
    }
  })
  .default({});

const webhookConfig = z
  .strictObject({
    method_down: webhookMethod,
    url_down: webhookUrl,
    body_down: webhookBody,
    headers_down: webhookHeaders,
    method_up: webhookMethod,
    url_up: webhookUrl,
    body_up: webhookBody,
    headers_up: webhookHeaders,
    name: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).optional(),
  })
  .refine((c) => c.url_down !== "" || c.url_up !== "", { error: "needs url_down or url_up" });

// Long enough for Teams' Workflows URLs (≈300 characters with the signature).
const WEBHOOK_URL_LIMIT = 1000;

function getWebhookUrlError(value: unknown): string | null {
  if (typeof value !== "string") return "must be a string";
  if (value === "") return "must not be empty";
  if (value.length > WEBHOOK_URL_LIMIT) return `must be at most ${WEBHOOK_URL_LIMIT} characters`;
  return isHttpUrl(value) ? null : "must be an http or https URL";
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Config schema for chat kinds that post to an incoming-webhook URL: accepts "https://..." or
 * {"value": "https://..."} and stores {"value": url}. With `oauthKey`, the OAuth form of §6.3
 * is accepted too and stored as given: Slack's {"incoming_webhook": {"url", "channel"},
 * "team_name"} and Discord's {"webhook": {"url", ...}}.
 */
export function webhookUrlConfig(oauthKey?: "incoming_webhook" | "webhook"): z.ZodType<Record<string, unknown>> {
  const forms = oauthKey ? `a webhook URL, {"value": url} or {"${oauthKey}": {"url": url}}` : 'a webhook URL or {"value": url}';
  return z.unknown().transform((input, ctx): Record<string, unknown> => {
    const fail = (message: string, path: (string | number)[] = []) => {
      ctx.addIssue({ code: "custom", message, path });
      return z.NEVER;
    };
    if (typeof input === "string") {
      const error = getWebhookUrlError(input);
      return error ? fail(error, ["value"]) : { value: input };
    }
    if (!isRecord(input)) return fail(`must be ${forms}`);
    if (oauthKey && Object.hasOwn(input, oauthKey)) {
      const inner = input[oauthKey];
      if (!isRecord(inner)) return fail("must be an object", [oauthKey]);
      const error = getWebhookUrlError(inner.url);
      return error ? fail(error, [oauthKey, "url"]) : input;
    }
    const extra = Object.keys(input).filter((k) => k !== "value");
    if (extra.length) return fail(`has unexpected key ${extra.join(", ")}; it must be ${forms}`);
    const error = getWebhookUrlError(input.value);
    return error ? fail(error, ["value"]) : { value: input.value };
  });
}

// Telegram (§6.3): the chat the bot posts to, as the /start link stored it.
const telegramConfig = z.strictObject({
  id: z.number({ error: "must be a number" }).int({ error: "must be an integer" }),
  thread_id: z.number({ error: "must be a number or null" }).int({ error: "must be an integer" }).nullable().default(null),
  type: z.enum(["private", "group", "supergroup", "channel"], { error: "must be private, group, supergroup or channel" }).default("private"),
  name: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).default(""),
});

export const CHANNEL_KINDS: Readonly<Record<string, ChannelKind>> = {
  email: {
    schema: emailConfig,
    // Healthchecks skips the confirmation mail for the account's own address.
    isVerified: (config, { env, ownerEmail }) =>
      !env.emailUseVerification || String(config.value).toLowerCase() === ownerEmail.toLowerCase(),
  },
  webhook: {
    schema: webhookConfig,
    isEnabled: (env) => env.webhooksEnabled,
  },
  slack: { schema: webhookUrlConfig("incoming_webhook"), isEnabled: (env) => env.slackEnabled },
  mattermost: { schema: webhookUrlConfig(), isEnabled: (env) => env.mattermostEnabled },
  rocketchat: { schema: webhookUrlConfig(), isEnabled: (env) => env.rocketchatEnabled },
  discord: { schema: webhookUrlConfig("webhook") },
  msteamsw: { schema: webhookUrlConfig(), isEnabled: (env) => env.msteamsEnabled },
  googlechat: { schema: webhookUrlConfig() },
  telegram: { schema: telegramConfig, isEnabled: (env) => Boolean(env.telegramToken) },
  ntfy: { schema: ntfyConfig },
  po: { schema: pushoverConfig, isEnabled: (env) => Boolean(env.pushoverApiToken) },
  pd: { schema: pdConfig, isEnabled: (env) => env.pdEnabled },
  opsgenie: { schema: opsgenieConfig, isEnabled: (env) => env.opsgenieEnabled },
  gotify: { schema: gotifyConfig },
  victorops: { schema: webhookUrlConfig(), isEnabled: (env) => env.victoropsEnabled },
  pagertree: { schema: webhookUrlConfig(), isEnabled: (env) => env.pagertreeEnabled },
  spike: { schema: webhookUrlConfig(), isEnabled: (env) => env.spikeEnabled },
  pushbullet: { schema: pushbulletConfig },
  // Twilio (§6.3): offered when TWILIO_ACCOUNT and TWILIO_AUTH are set; WhatsApp also needs TWILIO_USE_WHATSAPP.
  sms: { schema: smsConfig, isEnabled: (env) => Boolean(env.twilioAccount && env.twilioAuth) },
  whatsapp: { schema: smsConfig, isEnabled: (env) => Boolean(env.twilioAccount && env.twilioAuth && env.twilioUseWhatsapp) },
  call: { schema: callConfig, isEnabled: (env) => Boolean(env.twilioAccount && env.twilioAuth) },
  zulip: { schema: zulipConfig, isEnabled: (env) => env.zulipEnabled },
  matrix: { schema: matrixConfig, isEnabled: (env) => Boolean(env.matrixHomeserver && env.matrixUserId && env.matrixAccessToken) },
  // Runs commands on the server, so it is off unless the administrator turns it on.
  shell: { schema: shellConfig, isEnabled: (env) => env.shellEnabled },
  group: { schema: groupConfig },
  signal: { schema: signalConfig, isEnabled: (env) => Boolean(env.signalCliSocket) },
};

/** Whether the server offers this kind (e.g. SLACK_ENABLED=False turns Slack off); unknown kinds are not. */
export function isChannelKindEnabled(kind: string, env: Env): boolean {
  const channelKind = Object.hasOwn(CHANNEL_KINDS, kind) ? CHANNEL_KINDS[kind] : undefined;
  return Boolean(channelKind) && (channelKind!.isEnabled?.(env) ?? true);
}
