// The webhook kind (Healthchecks' hc/integrations/webhook): one configurable HTTP request per
// status. Its form has two request blocks and the placeholder list; the headers box is parsed
// here, one "Name: value" per line, as Healthchecks' HeadersField does.
import type { FormField, KindDescriptor, Placeholder } from "../descriptor";
import { readWebhookConfig, webhookConfig, type WebhookConfig } from "./config";
import { webhookTransport } from "./transport";

/** The placeholders the webhook form lists, in the order Healthchecks' docs give them. */
const WEBHOOK_PLACEHOLDERS: readonly Placeholder[] = [
  { name: "$CODE", description: "The UUID of the check" },
  { name: "$STATUS", description: "The check's new status: up or down" },
  { name: "$NOW", description: "When the status changed, ISO 8601 in UTC (2026-01-01T10:00:00+00:00)" },
  { name: "$NAME", description: "The check's name" },
  { name: "$NAME_JSON", description: "The check's name as a JSON string, quotes included" },
  { name: "$SLUG", description: "The check's slug" },
  { name: "$TAGS", description: "The check's tags, separated by spaces" },
  { name: "$TAG1", description: "The first tag ($TAG2 the second, and so on)" },
  { name: "$BODY", description: "The body of the last ping, empty if none", bodyOnly: true },
  { name: "$BODY_JSON", description: "The body of the last ping as a JSON string", bodyOnly: true },
  { name: "$EXITSTATUS", description: "The exit status of the last ping, -1 if none" },
  { name: "$JSON", description: "The check as JSON, as the management API returns it" },
];

/**
 * Parses a headers box: one "Name: value" per line, blank lines ignored, name and value trimmed.
 * Returns the headers, or the first problem as a message naming the line. Names and lengths are
 * then checked by the config schema.
 */
export function parseHeaderLines(text: string): { headers: Record<string, string>; error: string | null } {
  const headers: Record<string, string> = {};
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(":");
    const name = colon === -1 ? "" : line.slice(0, colon).trim();
    if (!name) return { headers: {}, error: `Line ${i + 1}: use the "Name: value" format` };
    headers[name] = line.slice(colon + 1).trim();
  }
  return { headers, error: null };
}

/** A headers box for stored headers: one "Name: value" per line. */
export function formatHeaderLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
}

const STATUSES = ["down", "up"] as const;

const METHODS = ["GET", "POST", "PUT"].map((m) => ({ value: m, label: m }));

const FIELDS: FormField[] = STATUSES.flatMap((status) => [
  { name: `method_${status}`, label: "Method", type: "select" as const, options: METHODS },
  { name: `url_${status}`, label: "URL", type: "url" as const, maxLength: 1000 },
  { name: `body_${status}`, label: "Request body", type: "textarea" as const, maxLength: 1000 },
  { name: `headers_${status}`, label: "Request headers", type: "textarea" as const },
]);

export const webhookKind: KindDescriptor<WebhookConfig> = {
  kind: "webhook",
  label: "Webhook",
  description: "Receive an HTTP request when a check goes up or down, with a method, body and headers you choose.",
  icon: "webhook",
  configSchema: webhookConfig,
  readConfig: readWebhookConfig,
  transport: webhookTransport,
  form: {
    layout: "webhook",
    placeholders: WEBHOOK_PLACEHOLDERS,
    steps: [
      "Set a URL for each event that should send a request, and leave the other empty.",
      "Requests time out after 30 seconds and are tried up to 3 times; a response other than 200, 201, 202 or 204 counts as a failure.",
    ],
    fields: FIELDS,
    defaults: { method_down: "GET", method_up: "GET" },
    toConfig: (v) => {
      const config: Record<string, unknown> = {};
      const errors: Record<string, string> = {};
      for (const status of STATUSES) {
        const method = v[`method_${status}`] || "GET";
        const headers = parseHeaderLines(v[`headers_${status}`] ?? "");
        if (headers.error) errors[`headers_${status}`] = headers.error;
        config[`method_${status}`] = method;
        config[`url_${status}`] = v[`url_${status}`] ?? "";
        // Only POST and PUT send a body; don't keep a hidden one around for GET.
        config[`body_${status}`] = method === "POST" || method === "PUT" ? (v[`body_${status}`] ?? "") : "";
        config[`headers_${status}`] = headers.headers;
      }
      return { config, errors };
    },
    fromConfig: (c) => {
      const values: Record<string, string> = {};
      for (const status of STATUSES) {
        values[`method_${status}`] = c[status].method;
        values[`url_${status}`] = c[status].url;
        values[`body_${status}`] = c[status].body;
        values[`headers_${status}`] = formatHeaderLines(c[status].headers);
      }
      return values;
    },
    errorFields: { "": "url_down" },
    messages: { "": { invalid: "Enter a URL for the down event, the up event, or both." } },
  },
  summarize: ({ down, up }) => [...(down.url ? [`Down: ${down.method} ${down.url}`] : []), ...(up.url ? [`Up: ${up.method} ${up.url}`] : [])],
  isEnabled: (env) => env.webhooksEnabled,
};
