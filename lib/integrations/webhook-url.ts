// The chat and incident kinds whose one setting is an incoming-webhook URL (Slack, Mattermost,
// Rocket.Chat, Discord, Teams, Google Chat, Splunk On-Call, PagerTree, Spike.sh) share their
// config schema, reader, form and summary; `webhookUrlKind` builds those parts of a descriptor,
// and each kind's own module adds its transport. Slack and Discord also accept the config their
// OAuth flows return. Pure: no database, no network.
import { z } from "zod";
import type { KindDescriptor, KindForm, PreviousChannel } from "./descriptor";
import { isHttpUrl, isRecord } from "./config";

/** A stored URL kind's config: {"value": url}, or an OAuth flow's answer (Slack, Discord). */
export type WebhookUrlConfig = Record<string, unknown>;

// Long enough for Teams' Workflows URLs (≈300 characters with the signature).
const WEBHOOK_URL_LIMIT = 1000;

function getWebhookUrlError(value: unknown): string | null {
  if (typeof value !== "string") return "must be a string";
  if (value === "") return "must not be empty";
  if (value.length > WEBHOOK_URL_LIMIT) return `must be at most ${WEBHOOK_URL_LIMIT} characters`;
  return isHttpUrl(value) ? null : "must be an http or https URL";
}

/**
 * The OAuth answer a kind also accepts: the key holding the webhook object, the string keys kept
 * inside it, and the top-level keys kept beside it with their type. Everything else is dropped
 * unread, so a deeply nested value in a key nobody uses cannot reach JSON.stringify.
 */
export interface OAuthConfigShape {
  key: "incoming_webhook" | "webhook";
  inner: readonly string[];
  outer?: Readonly<Record<string, "string" | "boolean">>;
}

function pick(source: Record<string, unknown>, types: Readonly<Record<string, "string" | "boolean">>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(types)) {
    if (Object.hasOwn(source, key) && typeof source[key] === type) kept[key] = source[key];
  }
  return kept;
}

/**
 * Config schema of the URL kinds: accepts "https://..." or {"value": "https://..."} and stores
 * {"value": url}. With `oauth`, the OAuth answer is accepted too and stored with only its known
 * keys: Slack's {"incoming_webhook": {"url", "channel", …}, "team_name"}, Discord's {"webhook": {"url", …}}.
 */
export function webhookUrlConfig(oauth?: OAuthConfigShape): z.ZodType<Record<string, unknown>> {
  const forms = oauth ? `a webhook URL, {"value": url} or {"${oauth.key}": {"url": url}}` : 'a webhook URL or {"value": url}';
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
    if (oauth && Object.hasOwn(input, oauth.key)) {
      const inner = input[oauth.key];
      if (!isRecord(inner)) return fail("must be an object", [oauth.key]);
      const error = getWebhookUrlError(inner.url);
      if (error) return fail(error, [oauth.key, "url"]);
      const innerTypes = Object.fromEntries(oauth.inner.map((k) => [k, "string" as const]));
      return { ...pick(input, oauth.outer ?? {}), [oauth.key]: pick(inner, innerTypes) };
    }
    const extra = Object.keys(input).filter((k) => k !== "value");
    if (extra.length) return fail(`has unexpected key ${extra.join(", ")}; it must be ${forms}`);
    const error = getWebhookUrlError(input.value);
    return error ? fail(error, ["value"]) : { value: input.value };
  });
}

/** A stored URL kind's config; Healthchecks' legacy plain value (a bare URL) becomes {value}. */
export function readWebhookUrlConfig(json: string): WebhookUrlConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { value: json.trim() };
  }
  if (typeof parsed === "string") return { value: parsed };
  return isRecord(parsed) ? parsed : {};
}

/** The webhook URL of a config: its value, or the url inside Slack's or Discord's OAuth answer; "" if none. */
export function getWebhookUrl(config: WebhookUrlConfig): string {
  const inner = (key: string) => (isRecord(config[key]) ? (config[key] as Record<string, unknown>).url : undefined);
  for (const candidate of [config.value, inner("incoming_webhook"), inner("webhook")]) {
    if (typeof candidate === "string" && candidate) return candidate;
  }
  return "";
}

/** The webhook URL of a stored config (JSON, or a legacy plain URL). */
export function readWebhookUrl(json: string): string {
  return getWebhookUrl(readWebhookUrlConfig(json));
}

/**
 * A webhook URL fit for showing to every project member: scheme, host and path with the last
 * path segment (Slack's and Discord's token) and the query (Teams' and Google Chat's key and
 * signature) hidden, since anyone holding the full URL can post to the channel.
 */
export function maskWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw ? "(invalid URL)" : "";
  }
  const segments = url.pathname.split("/");
  if (segments.filter(Boolean).length > 1) segments[segments.length - 1] = segments[segments.length - 1] ? "…" : "";
  return `${url.protocol}//${url.host}${segments.join("/")}${url.search ? "?…" : ""}`;
}

/**
 * The edit form shows a channel made by OAuth as its webhook URL only: saving that URL unchanged
 * (say, to rename the channel) keeps the stored OAuth config with its workspace and channel.
 */
export async function keepOAuthConfig(
  config: WebhookUrlConfig,
  stored: Record<string, unknown>,
  previous: PreviousChannel<WebhookUrlConfig> | null,
): Promise<Record<string, unknown>> {
  if (!previous || Object.keys(config).join() !== "value") return stored;
  const before = previous.config;
  const isOAuth = isRecord(before.incoming_webhook) || isRecord(before.webhook);
  return isOAuth && config.value === getWebhookUrl(before) ? before : stored;
}

export interface WebhookUrlKindSpec {
  kind: string;
  label: string;
  description: string;
  /** The URL field's label ("Webhook URL", "Workflow URL"…). */
  fieldLabel: string;
  /** An example URL of the right shape, for the field's placeholder. */
  example: string;
  /** Where to create the webhook in the service, step by step. */
  steps: readonly string[];
  oauth?: OAuthConfigShape;
}

/** Everything of a URL kind's descriptor but its transport, icon and isEnabled. */
export function webhookUrlKind(
  spec: WebhookUrlKindSpec,
): Pick<KindDescriptor<WebhookUrlConfig>, "kind" | "label" | "description" | "configSchema" | "readConfig" | "form" | "summarize" | "prepare"> {
  const form: KindForm<WebhookUrlConfig> = {
    layout: "settings",
    steps: spec.steps,
    fields: [
      {
        name: "value",
        label: spec.fieldLabel,
        type: "url",
        required: true,
        maxLength: WEBHOOK_URL_LIMIT,
        placeholder: spec.example,
        hint: "Anyone with this URL can post to the channel, so keep it private.",
      },
    ],
    toConfig: (values) => ({ config: { value: values.value ?? "" } }),
    fromConfig: (config) => ({ value: getWebhookUrl(config) }),
    messages: { value: { empty: "Paste the webhook URL.", invalid: "Enter the full webhook URL, starting with https://." } },
  };
  return {
    kind: spec.kind,
    label: spec.label,
    description: spec.description,
    configSchema: webhookUrlConfig(spec.oauth),
    readConfig: readWebhookUrlConfig,
    form,
    // The full URL is a secret anyone could post with; read-only members see this list too.
    summarize: (config) => {
      const url = maskWebhookUrl(getWebhookUrl(config));
      return url ? [url] : [];
    },
    ...(spec.oauth ? { prepare: keepOAuthConfig } : {}),
  };
}
