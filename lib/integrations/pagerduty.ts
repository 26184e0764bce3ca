// PagerDuty integration (kind "pd", Healthchecks' PagerDuty transport): Events API v1
// create_event.json, which triggers on down and resolves on up the incident keyed by the
// check's unique key, so repeated downs of one check stay one incident.
// Stored config: {"service_key", "account"}.
import { z } from "zod";
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { getUniqueKey } from "../checks/to-dict";
import { isRecord, maskSecret, readConfigObject, str } from "./config";
import type { KindDescriptor } from "./descriptor";
import { getCheckFacts, getCloakedUrl, getNameThenCode, getFlipDirection } from "./message";
import { postJson } from "./post-json";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";

const serviceKey = z
  .string({ error: "must be a string" })
  .min(1, { error: "must not be empty" })
  .max(32, { error: "must be at most 32 characters" })
  .regex(/^[\x21-\x7e]+$/, { error: "must not contain spaces" });

/** A service (integration) key, {"value": key} or {"service_key", "account"}; stored as the last. */
const pdConfig = z.preprocess(
  (v) => (typeof v === "string" ? { service_key: v } : isRecord(v) && Object.keys(v).join() === "value" ? { service_key: v.value } : v),
  z.strictObject({
    service_key: serviceKey,
    account: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).default(""),
  }),
);

export interface PdConfig {
  serviceKey: string;
  account: string;
}

export function readPdConfig(json: string): PdConfig {
  const c = readConfigObject(json);
  return { serviceKey: str(c.service_key) || str(c.value), account: str(c.account) };
}

// Healthchecks' detail labels ("Total pings", "Time zone") differ in case from the chat ones.
const PD_LABELS: Record<string, string> = { "Total Pings": "Total pings", "Last Ping": "Last ping", "Time Zone": "Time zone" };

export const pagerdutyTransport: Transport = {
  kind: "pd",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.pdEnabled) throw new TransportError("PagerDuty notifications are not enabled.");
    const { serviceKey } = readPdConfig(ctx.channel.config);
    const { check, flip } = ctx;
    const details: Record<string, string> = {};
    for (const { title, value } of getCheckFacts(check, await ctx.getLastPing(), { formatTags: (tags) => tags.join(", ") })) {
      details[PD_LABELS[title] ?? title] = value;
    }
    await postJson(ctx, `${env.pdApiUrl}/generic/2010-04-15/create_event.json`, {
      service_key: serviceKey,
      incident_key: getUniqueKey(check.code),
      event_type: getFlipDirection(flip) === "down" ? "trigger" : "resolve",
      description: `${getNameThenCode(check)} is ${flip.newStatus.toUpperCase()}`,
      client: env.siteName,
      client_url: getCloakedUrl(check),
      details,
    });
  },
};

export const pagerdutyKind: KindDescriptor<PdConfig> = {
  kind: "pd",
  label: "PagerDuty",
  description: "Trigger a PagerDuty incident when a check goes down and resolve it on recovery.",
  icon: "siren",
  configSchema: pdConfig,
  readConfig: readPdConfig,
  transport: pagerdutyTransport,
  form: {
    layout: "settings",
    steps: [
      "In PagerDuty, open the service → “Integrations” → “Add an integration” and choose “Events API V1”.",
      "Copy its “Integration Key” and paste it below. Vigil triggers an incident when a check goes down and resolves it on recovery.",
    ],
    fields: [{ name: "service_key", label: "Integration key", type: "text", required: true, maxLength: 32, placeholder: "e93facc04764012d7bfb002500d5d1a6" }],
    toConfig: (v) => ({ config: { service_key: v.service_key } }),
    fromConfig: (c) => ({ service_key: c.serviceKey }),
  },
  summarize: (c) => (c.serviceKey ? [[c.account, `Integration key ${maskSecret(c.serviceKey)}`].filter(Boolean).join(" / ")] : []),
  isEnabled: (env) => env.pdEnabled,
};
