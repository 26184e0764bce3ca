// Slack's transport (Healthchecks' hc/integrations/slack): the attachment message of
// slack-payload.ts POSTed to the channel's incoming webhook, either a URL pasted by the user or
// the one Slack's OAuth "Add to Slack" flow returned. Sent with @slack/webhook's
// IncomingWebhook, whose fetch goes through library-net.ts's private-address guard; the library
// is loaded by the first Slack delivery, not at start-up.
import type { IncomingWebhookSendArguments } from "@slack/webhook";
import type { Channel, Flip } from "../../db";
import { getEnv } from "../../env";
import { readWebhookUrl } from "../webhook-url";
import { checkTarget, genericLibraryError, guardedDispatcher, withRetries } from "../library-net";
import { buildSlackPayload, escapeAsterisksWithJoiner } from "../slack-payload";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";

/**
 * Slack answers 404 for a removed webhook and 400 "invalid_token" when the user who added it was
 * deactivated; neither recovers, so both disable the channel
 * (https://api.slack.com/messaging/webhooks#handling_errors).
 */
export function getSlackError(status: number, body: string): TransportError {
  const permanent = status === 404 || (status === 400 && body === "invalid_token");
  return new TransportError(`Received status code ${status}`, { permanent });
}

/** Maps @slack/webhook's IncomingWebhookHTTPError / RequestError to a TransportError. */
export function toSlackTransportError(err: unknown): TransportError {
  const e = err as { statusCode?: unknown; body?: unknown };
  if (typeof e?.statusCode === "number") return getSlackError(e.statusCode, typeof e.body === "string" ? e.body : "");
  return genericLibraryError(err);
}

/** Posts `payload` to a Slack-compatible incoming webhook with @slack/webhook. */
export async function sendIncomingWebhook(
  ctx: Pick<NotifyContext, "isTest">,
  url: string,
  payload: unknown,
  toError: (err: unknown) => TransportError = toSlackTransportError,
): Promise<void> {
  if (!url) throw new TransportError("Empty webhook URL");
  await checkTarget(url);
  const [{ IncomingWebhook }, { fetch: undiciFetch }, dispatcher] = await Promise.all([
    import("@slack/webhook"),
    import("undici"),
    guardedDispatcher(),
  ]);
  try {
    const webhook = new IncomingWebhook(url, {
      timeout: 30_000,
      fetch: (input, init) => undiciFetch(input, { ...(init as object), dispatcher }) as never,
    });
    await withRetries(ctx, () => webhook.send(payload as IncomingWebhookSendArguments), toError);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

export const slackTransport: Transport = {
  kind: "slack",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().slackEnabled) throw new TransportError("Slack notifications are not enabled.");
    const payload = await buildSlackPayload(ctx, escapeAsterisksWithJoiner);
    await sendIncomingWebhook(ctx, readWebhookUrl(ctx.channel.config), payload);
  },
};
