// Discord integration (Healthchecks' hc/integrations/discord): Discord webhooks take Slack's
// message format at "<webhook URL>/slack", so this posts slack-payload.ts's message there.
// The URL is either pasted by the user or the one Discord's OAuth flow returned.
import type { Channel, Flip } from "../db";
import type { HttpResponse } from "../http";
import { readWebhookUrl } from "../channels/read-webhook-url";
import { postJson } from "./post-json";
import { buildSlackPayload } from "./slack-payload";
import { TransportError, type NotifyContext, type Transport } from "./transport";

/** "<url>/slack", keeping a query such as ?thread_id= after the new path segment. */
export function getDiscordSlackUrl(webhookUrl: string): string {
  try {
    const url = new URL(webhookUrl);
    url.pathname = `${url.pathname.replace(/\/+$/, "")}/slack`;
    return url.toString();
  } catch {
    // request() reports the invalid URL.
    return webhookUrl;
  }
}

/** A 404 means the webhook was deleted in Discord: it will not come back. */
export function getDiscordError(res: HttpResponse): TransportError {
  return new TransportError(`Received status code ${res.status}`, { permanent: res.status === 404 });
}

export const discordTransport: Transport = {
  kind: "discord",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const url = readWebhookUrl(ctx.channel.config);
    if (!url) throw new TransportError("Empty webhook URL");
    // Discord's Markdown takes a backslash escape.
    const payload = await buildSlackPayload(ctx, (s) => s.replaceAll("*", "\\*"));
    await postJson(ctx, getDiscordSlackUrl(url), payload, getDiscordError);
  },
};
