// Discord's transport (Healthchecks' hc/integrations/discord): Discord webhooks take Slack's
// message format at "<webhook>/slack", so this posts slack-payload.ts's message there with
// discord.js's WebhookClient (its REST client, against DISCORD_API_URL). The webhook is either a
// URL pasted by the user or the one Discord's OAuth flow returned. discord.js is loaded by the
// first Discord delivery, not at start-up.
import type { Channel, Flip } from "../../db";
import { getEnv } from "../../env";
import { readWebhookUrl } from "../webhook-url";
import { checkTarget, genericLibraryError, guardedDispatcher, withRetries } from "../library-net";
import { buildSlackPayload } from "../slack-payload";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";

type DiscordJs = typeof import("discord.js");

export interface DiscordWebhookRef {
  id: string;
  token: string;
  /** Set when the URL names a thread (?thread_id=). */
  threadId: string | null;
}

/** The webhook id and token of ".../webhooks/<id>/<token>[/...][?thread_id=N]", or null. */
export function parseDiscordWebhookUrl(webhookUrl: string): DiscordWebhookRef | null {
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    return null;
  }
  const match = /\/webhooks\/(\d+)\/([^/]+)/.exec(url.pathname);
  if (!match) return null;
  return { id: match[1], token: decodeURIComponent(match[2]), threadId: url.searchParams.get("thread_id") };
}

/** A 404 means the webhook was deleted in Discord: it will not come back. */
export function toDiscordTransportError(err: unknown, { DiscordAPIError, HTTPError, RateLimitError }: DiscordJs): TransportError {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    return new TransportError(`Received status code ${err.status}`, { permanent: err.status === 404 });
  }
  if (err instanceof RateLimitError) return new TransportError("Received status code 429");
  return genericLibraryError(err);
}

export const discordTransport: Transport = {
  kind: "discord",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const url = readWebhookUrl(ctx.channel.config);
    if (!url) throw new TransportError("Empty webhook URL");
    const ref = parseDiscordWebhookUrl(url);
    if (!ref) throw new TransportError("Invalid Discord webhook URL", { permanent: true });
    // Discord's Markdown takes a backslash escape.
    const payload = await buildSlackPayload(ctx, (s) => s.replaceAll("*", "\\*"));

    await checkTarget(getEnv().discordApiUrl);
    const [discord, dispatcher] = await Promise.all([import("discord.js"), guardedDispatcher()]);
    const { Routes, WebhookClient } = discord;
    const client = new WebhookClient(
      { id: ref.id, token: ref.token },
      {
        rest: {
          api: getEnv().discordApiUrl,
          retries: 0,
          timeout: 30_000,
          agent: dispatcher,
          // A 429 fails this try (withRetries decides) instead of waiting inside the library.
          rejectOnRateLimit: () => true,
        },
      },
    );
    try {
      const query = new URLSearchParams({ wait: "true" });
      if (ref.threadId) query.set("thread_id", ref.threadId);
      await withRetries(
        ctx,
        // discord.js has no method for Discord's Slack-compatible endpoint; its REST client
        // (rate limits, errors, user agent) posts there like it posts native messages.
        () => client.rest.post(`${Routes.webhook(ref.id, ref.token)}/slack`, { body: payload, query, auth: false }),
        (err) => toDiscordTransportError(err, discord),
      );
    } finally {
      client.destroy();
      await dispatcher.close().catch(() => undefined);
    }
  },
};
