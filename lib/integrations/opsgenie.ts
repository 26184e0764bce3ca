// Opsgenie integration (Healthchecks' Opsgenie transport): a down flip creates an alert whose
// alias is the check's unique key; the up flip closes the alert with that alias.
// Stored config: {"key", "region": "us" | "eu"}.
import { z } from "zod";
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import type { HttpResponse } from "../http";
import { getUniqueKey } from "../checks/to-dict";
import { readConfigObject, str, token } from "./config";
import type { KindDescriptor } from "./descriptor";
import { getCheckFacts, getCloakedUrl, getTagList, getFlipDirection } from "./message";
import { postJson } from "./post-json";
import { buildPushMessage, getFlipTitle } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";

const opsgenieConfig = z.strictObject({
  key: token(100).min(1, { error: "must not be empty" }),
  region: z.enum(["us", "eu"], { error: 'must be "us" or "eu"' }).default("us"),
});

export interface OpsgenieConfig {
  key: string;
  region: "us" | "eu";
}

export function readOpsgenieConfig(json: string): OpsgenieConfig {
  const c = readConfigObject(json);
  return { key: str(c.key), region: c.region === "eu" ? "eu" : "us" };
}

const API_URLS = { us: "https://api.opsgenie.com", eu: "https://api.eu.opsgenie.com" } as const;

/** Opsgenie explains refusals in {"message": ...}; pass that on to the user. */
export function getOpsgenieError(res: HttpResponse): TransportError {
  let detail = "";
  try {
    const doc = JSON.parse(res.body.toString("utf8")) as { message?: unknown };
    if (typeof doc.message === "string") detail = doc.message;
  } catch {
    // Not JSON.
  }
  return new TransportError(`Received status code ${res.status}${detail ? ` with a message: "${detail}"` : ""}`);
}

export const opsgenieTransport: Transport = {
  kind: "opsgenie",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.opsgenieEnabled) throw new TransportError("Opsgenie notifications are not enabled.");
    const { key, region } = readOpsgenieConfig(ctx.channel.config);
    const alias = getUniqueKey(ctx.check.code);
    const payload: Record<string, unknown> = { alias, source: env.siteName };
    let url = `${env.opsgenieApiUrl ?? API_URLS[region]}/v2/alerts`;
    if (getFlipDirection(ctx.flip) === "down") {
      const ping = await ctx.getLastPing();
      const details: Record<string, string> = {};
      for (const { title, value } of getCheckFacts(ctx.check, ping, { withDescription: false })) details[title] = value;
      details["Full details"] = getCloakedUrl(ctx.check);
      payload.tags = getTagList(ctx.check.tags);
      payload.message = getFlipTitle(ctx);
      payload.description = (await buildPushMessage(ctx, { markup: "text", bodyLimit: 1000 })).message;
      payload.details = details;
    } else {
      url += `/${alias}/close?identifierType=alias`;
    }
    await postJson(ctx, url, payload, { headers: { Authorization: `GenieKey ${key}` }, errorForStatus: getOpsgenieError });
  },
};

export const opsgenieKind: KindDescriptor<OpsgenieConfig> = {
  kind: "opsgenie",
  label: "Opsgenie",
  description: "Create an Opsgenie alert when a check goes down and close it on recovery.",
  icon: "siren",
  configSchema: opsgenieConfig,
  readConfig: readOpsgenieConfig,
  transport: opsgenieTransport,
  form: {
    layout: "settings",
    steps: [
      "In Opsgenie, open “Teams” → your team → “Integrations” → “Add integration” and choose “API”.",
      "Copy the API key and paste it below, with the region your account is in.",
    ],
    fields: [
      { name: "key", label: "API key", type: "password", required: true, maxLength: 100 },
      {
        name: "region",
        label: "Region",
        type: "select",
        options: [
          { value: "us", label: "US (api.opsgenie.com)" },
          { value: "eu", label: "EU (api.eu.opsgenie.com)" },
        ],
      },
    ],
    defaults: { region: "us" },
    toConfig: (v) => ({ config: { key: v.key, region: v.region } }),
    fromConfig: (c) => ({ key: c.key, region: c.region }),
  },
  summarize: (c) => [`${c.region.toUpperCase()} region`],
  isEnabled: (env) => env.opsgenieEnabled,
};
