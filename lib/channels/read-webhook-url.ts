// Pure (no database), so the integrations list can show the destination too.

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The incoming-webhook URL of a chat channel from its stored config (§6.3): {"value": url} as
 * Vigil stores it, a bare JSON string or plain text (Healthchecks' legacy plain value), Slack's
 * OAuth response {"incoming_webhook": {"url"}} and Discord's {"webhook": {"url"}}. "" if none.
 */
export function readWebhookUrl(config: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch {
    return config.trim();
  }
  if (typeof parsed === "string") return parsed;
  if (!isRecord(parsed)) return "";
  for (const candidate of [parsed.value, isRecord(parsed.incoming_webhook) ? parsed.incoming_webhook.url : undefined, isRecord(parsed.webhook) ? parsed.webhook.url : undefined]) {
    if (typeof candidate === "string" && candidate) return candidate;
  }
  return "";
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

/** Slack's OAuth config names the workspace and channel: "Acme / #ops"; null for plain URLs. */
export function readSlackChannelName(config: string): string | null {
  try {
    const parsed: unknown = JSON.parse(config);
    if (!isRecord(parsed) || !isRecord(parsed.incoming_webhook)) return null;
    const channel = typeof parsed.incoming_webhook.channel === "string" ? parsed.incoming_webhook.channel : "";
    const team = typeof parsed.team_name === "string" ? parsed.team_name : "";
    return [team, channel].filter(Boolean).join(" / ") || null;
  } catch {
    return null;
  }
}
