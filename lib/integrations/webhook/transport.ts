// Webhook integration (Healthchecks' hc/integrations/webhook): one configurable request per
// status, with Healthchecks' placeholders and encoding rules reproduced exactly,
// including Python's quote() and json.dumps() output, because receivers match on them.
import type { Channel, Flip } from "../../db";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { request } from "../../http";
import { checkToDict } from "../../checks/to-dict";
import { formatIso } from "../../compat/python";
import { getPingBodyText, getFlipDirection } from "../message";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";
import { getWebhookSpec } from "./config";

interface PrepareOptions {
  /** URLs: percent-encode values (except $CODE, $STATUS, $SLUG, $EXITSTATUS). */
  urlencode?: boolean;
  /** Header values: characters outside latin-1 become &#NNN; references. */
  latin1?: boolean;
  /** Only request bodies may use $BODY and $BODY_JSON. */
  allowBody?: boolean;
}

/** Expands the placeholders in `template` for this delivery (Healthchecks' Webhook.prepare). */
export async function expandWebhookTemplate(template: string, ctx: NotifyContext, opts: PrepareOptions = {}): Promise<string> {
  const { check, flip } = ctx;
  const safe = (s: string) => (opts.urlencode ? pyQuote(s) : s);
  // Insertion order is matching order: $NAME_JSON must come before $NAME, $TAGS before $TAG1.
  const values = new Map<string, string>([
    ["$CODE", check.code],
    ["$STATUS", flip.newStatus],
    ["$NOW", safe(formatIso(flip.createdAt)!)],
    ["$NAME_JSON", safe(pyJson(check.name))],
    ["$NAME", safe(check.name)],
    ["$SLUG", check.slug],
    ["$TAGS", safe(check.tags)],
  ]);
  // Computed only when used: $JSON needs the channel list, $BODY and $EXITSTATUS the last ping.
  if (template.includes("$JSON")) {
    const links = await getDb().channelCheck.findMany({ where: { checkId: check.id }, select: { channel: { select: { code: true } } } });
    const dict = checkToDict(check, { version: 3, readOnly: false, channelCodes: links.map((l) => l.channel.code) });
    values.set("$JSON", safe(pyJson(dict)));
  }
  if (opts.allowBody && template.includes("$BODY")) {
    const body = getPingBodyText(await ctx.getLastPing());
    values.set("$BODY_JSON", pyJson(body));
    values.set("$BODY", body);
  }
  if (template.includes("$EXITSTATUS")) {
    const ping = await ctx.getLastPing();
    values.set("$EXITSTATUS", ping && ping.exitStatus !== null ? String(ping.exitStatus) : "-1");
  }
  getTags(check.tags).forEach((tag, i) => values.set(`$TAG${i + 1}`, safe(tag)));

  const result = replacePlaceholders(template, values);
  return opts.latin1 ? toLatin1(result) : result;
}

/**
 * Healthchecks' hc.lib.string.replace: each "$" in the template starts at most one placeholder,
 * the first in `values` order that matches. Values are never re-scanned, so a check named
 * "$TAG1" stays "$TAG1" and "$$NAME" is "$" + name.
 */
export function replacePlaceholders(template: string, values: Map<string, string>): string {
  const [head, ...parts] = template.split("$");
  let out = head;
  for (const rest of parts) {
    const part = `$${rest}`;
    let replaced = part;
    for (const [placeholder, value] of values) {
      if (part.startsWith(placeholder)) {
        replaced = value + part.slice(placeholder.length);
        break;
      }
    }
    out += replaced;
  }
  return out;
}

function getTags(tags: string): string[] {
  return tags.split(" ").map((t) => t.trim()).filter(Boolean);
}

/** Python's urllib.parse.quote(s) (safe="/"), over UTF-8. */
export function pyQuote(s: string): string {
  const wellFormed = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return encodeURIComponent(wellFormed)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, "/");
}

/** Python's json.dumps(value) defaults: ASCII only, ", " and ": " separators. */
export function pyJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(pyJson).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyJson(k)}: ${pyJson(v)}`);
    return `{${entries.join(", ")}}`;
  }
  return "null";
}

/** Python's s.encode("latin-1", "xmlcharrefreplace").decode("latin-1"). */
function toLatin1(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp > 0xff ? `&#${cp};` : ch;
  }
  return out;
}

export const webhookTransport: Transport = {
  kind: "webhook",

  isNoop(channel: Channel, flip: Flip): boolean {
    return !getWebhookSpec(channel, getFlipDirection(flip)).url;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().webhooksEnabled) throw new TransportError("Webhook notifications are not enabled.");
    const spec = getWebhookSpec(ctx.channel, getFlipDirection(ctx.flip));
    if (!spec.url) throw new TransportError("Empty webhook URL");

    const url = await expandWebhookTemplate(spec.url, ctx, { urlencode: true });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(spec.headers)) {
      headers[name] = await expandWebhookTemplate(value, ctx, { latin1: true });
    }
    let body: Buffer | null = null;
    if (spec.body && (spec.method === "POST" || spec.method === "PUT")) {
      body = Buffer.from(await expandWebhookTemplate(spec.body, ctx, { allowBody: true }), "utf8");
    }
    await request({ method: spec.method, url, headers, body, retries: ctx.isTest ? 1 : 3 });
  },
};
