/**
 * How a channel is named in check pages: its name, else what it delivers to (the email
 * address, the webhook URL), else its kind.
 */
export function getChannelLabel(channel: { name: string; kind: string; config: string }): string {
  if (channel.name) return channel.name;
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(channel.config);
    if (parsed && typeof parsed === "object") config = parsed as Record<string, unknown>;
  } catch {
    // An unreadable config still gets a label.
  }
  for (const key of ["value", "url_down", "url_up"]) {
    const v = config[key];
    if (typeof v === "string" && v) return v;
  }
  return channel.kind;
}
