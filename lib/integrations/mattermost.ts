// Mattermost integration (Healthchecks' hc/integrations/mattermost): Mattermost's incoming
// webhooks accept Slack's message format, so this posts the same payload as slack.ts.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { readWebhookUrl } from "../channels/read-webhook-url";
import { postJson } from "./post-json";
import { buildSlackPayload, escapeAsterisksWithJoiner } from "./slack-payload";
import { TransportError, type NotifyContext, type Transport } from "./transport";

export const mattermostTransport: Transport = {
  kind: "mattermost",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().mattermostEnabled) throw new TransportError("Mattermost notifications are not enabled.");
    const payload = await buildSlackPayload(ctx, escapeAsterisksWithJoiner);
    await postJson(ctx, readWebhookUrl(ctx.channel.config), payload);
  },
};
