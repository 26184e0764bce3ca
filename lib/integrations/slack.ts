// Slack integration (Healthchecks' hc/integrations/slack): the attachment message of
// slack-payload.ts POSTed to the channel's incoming webhook, either a URL pasted by the user or
// the one Slack's OAuth "Add to Slack" flow returned.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import type { HttpResponse } from "../http";
import { readWebhookUrl } from "../channels/read-webhook-url";
import { postJson } from "./post-json";
import { buildSlackPayload, escapeAsterisksWithJoiner } from "./slack-payload";
import { TransportError, type NotifyContext, type Transport } from "./transport";

/**
 * Slack answers 404 for a removed webhook and 400 "invalid_token" when the user who added it was
 * deactivated; neither recovers, so both disable the channel
 * (https://api.slack.com/messaging/webhooks#handling_errors).
 */
export function getSlackError(res: HttpResponse): TransportError {
  const permanent = res.status === 404 || (res.status === 400 && res.body.toString("utf8") === "invalid_token");
  return new TransportError(`Received status code ${res.status}`, { permanent });
}

export const slackTransport: Transport = {
  kind: "slack",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().slackEnabled) throw new TransportError("Slack notifications are not enabled.");
    const payload = await buildSlackPayload(ctx, escapeAsterisksWithJoiner);
    await postJson(ctx, readWebhookUrl(ctx.channel.config), payload, getSlackError);
  },
};
