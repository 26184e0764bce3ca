// What the integrations list shows for a channel's destination, read from its stored config
// (the JSON object lib/channels/channel-kinds.ts validated). Pure, so it can run anywhere.
import { maskWebhookUrl, readSlackChannelName, readWebhookUrl } from "@/lib/channels/read-webhook-url";
import { getWebhookUrlKind } from "./kinds";
import { getSettingsKind } from "./settings-kinds";

export interface EmailFormValues {
  value: string;
  up: boolean;
  down: boolean;
}

export interface WebhookRequestValues {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface WebhookFormValues {
  down: WebhookRequestValues;
  up: WebhookRequestValues;
}

function readObject(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "string") return { value: parsed };
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Legacy plain values (an address) are not JSON.
    return { value: json };
  }
  return {};
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** An email channel's address and flags; legacy configs without flags notify on both. */
export function readEmailConfig(json: string): EmailFormValues {
  const c = readObject(json);
  return { value: str(c.value), up: c.up !== false, down: c.down !== false };
}

/** A webhook channel's two requests. */
export function readWebhookConfig(json: string): WebhookFormValues {
  const c = readObject(json);
  const read = (status: "down" | "up"): WebhookRequestValues => {
    const headers: Record<string, string> = {};
    const raw = c[`headers_${status}`];
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) if (typeof v === "string") headers[k] = v;
    }
    return { method: str(c[`method_${status}`]).toUpperCase() || "GET", url: str(c[`url_${status}`]), body: str(c[`body_${status}`]), headers };
  };
  return { down: read("down"), up: read("up") };
}

/** One line per destination, e.g. ["ops@example.org"] or ["Down: POST https://…", "Up: GET https://…"]. */
export function getChannelSummary(kind: string, json: string): string[] {
  if (kind === "email") {
    const { value, up, down } = readEmailConfig(json);
    const events = up && down ? "" : up ? " (up only)" : down ? " (down only)" : " (no events)";
    return [`${value}${events}`];
  }
  if (kind === "webhook") {
    const { down, up } = readWebhookConfig(json);
    const lines: string[] = [];
    if (down.url) lines.push(`Down: ${down.method} ${down.url}`);
    if (up.url) lines.push(`Up: ${up.method} ${up.url}`);
    return lines;
  }
  // Push and incident kinds hold keys and tokens: each says what is safe to show.
  const settings = getSettingsKind(kind);
  if (settings) return settings.summarize(json);
  if (getWebhookUrlKind(kind)) {
    // The full URL is a secret anyone could post with; read-only members see this list too.
    const slackChannel = kind === "slack" ? readSlackChannelName(json) : null;
    const url = maskWebhookUrl(readWebhookUrl(json));
    return slackChannel ? [slackChannel] : url ? [url] : [];
  }
  if (kind === "telegram") {
    const c = readObject(json);
    const name = str(c.name) || (typeof c.id === "number" ? `chat ${c.id}` : "");
    const type = str(c.type);
    return name ? [type && type !== "private" ? `${name} (${type})` : name] : [];
  }
  const value = readObject(json).value;
  return typeof value === "string" && value ? [value] : [];
}
