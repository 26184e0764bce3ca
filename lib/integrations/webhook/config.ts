// The webhook kind's stored config: one request (method, URL, body, headers) per status, with
// the limits of Healthchecks' webhook form: URL, body and each "Name: value" header line at most
// 1000 characters, header names HTTP tokens. Pure.
import { z } from "zod";
import type { Channel } from "../../db";
import { isHttpUrl, isRecord, str } from "../config";

const LIMIT = 1000;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const method = z.enum(["GET", "POST", "PUT"], { error: "must be GET, POST or PUT" }).default("GET");
const url = z
  .string({ error: "must be a string" })
  .max(LIMIT, { error: `must be at most ${LIMIT} characters` })
  .refine((s) => s === "" || isHttpUrl(s), { error: "must be an http or https URL" })
  .default("");
const body = z
  .string({ error: "must be a string" })
  .max(LIMIT, { error: `must be at most ${LIMIT} characters` })
  .default("");
const headers = z
  .record(z.string(), z.string({ error: "values must be strings" }), { error: "must be an object" })
  .superRefine((value, ctx) => {
    for (const [name, text] of Object.entries(value)) {
      if (!HEADER_NAME.test(name)) ctx.addIssue({ code: "custom", message: `has an invalid header name: ${name}` });
      else if (/[\r\n]/.test(text)) ctx.addIssue({ code: "custom", message: `header ${name} contains a line break` });
      else if (`${name}: ${text}`.length > LIMIT) {
        ctx.addIssue({ code: "custom", message: `header ${name} is longer than ${LIMIT} characters` });
      }
    }
  })
  .default({});

export const webhookConfig = z
  .strictObject({
    method_down: method,
    url_down: url,
    body_down: body,
    headers_down: headers,
    method_up: method,
    url_up: url,
    body_up: body,
    headers_up: headers,
    name: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).optional(),
  })
  .refine((c) => c.url_down !== "" || c.url_up !== "", { error: "needs url_down or url_up" });

/** The request sent for one status; an empty URL sends nothing. */
export interface WebhookSpec {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface WebhookConfig {
  down: WebhookSpec;
  up: WebhookSpec;
}

function readObject(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function readSpec(c: Record<string, unknown>, status: string): WebhookSpec {
  const headers: Record<string, string> = {};
  const raw = c[`headers_${status}`];
  if (isRecord(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === "string") headers[k] = v;
  return { method: str(c[`method_${status}`]).toUpperCase() || "GET", url: str(c[`url_${status}`]), body: str(c[`body_${status}`]), headers };
}

/** A stored webhook config; an unreadable one behaves like an empty one (a no-op). */
export function readWebhookConfig(json: string): WebhookConfig {
  const c = readObject(json);
  return { down: readSpec(c, "down"), up: readSpec(c, "up") };
}

/** The request configured for flips to `status` ("up" or "down"); missing parts are empty. */
export function getWebhookSpec(channel: Pick<Channel, "config">, status: string): WebhookSpec {
  return readSpec(readObject(channel.config), status);
}
