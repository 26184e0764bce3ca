// Mattermost integration (Healthchecks' hc/integrations/mattermost): Mattermost's incoming
// webhooks accept Slack's message format, so this posts the same
// payload as the slack kind (slack-payload.ts).
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import type { KindDescriptor } from "./descriptor";
import { postJson } from "./post-json";
import { buildSlackPayload, escapeAsterisksWithJoiner } from "./slack-payload";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";
import { readWebhookUrl, webhookUrlKind, type WebhookUrlConfig } from "./webhook-url";

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

export const mattermostKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "mattermost",
    label: "Mattermost",
    description: "Post a message to a Mattermost channel through an incoming webhook.",
    fieldLabel: "Webhook URL",
    example: "https://mattermost.example.org/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx",
    steps: [
      "In Mattermost, open “Integrations” → “Incoming Webhooks” → “Add Incoming Webhook”.",
      "Pick the channel, save, and copy the URL Mattermost shows (…/hooks/…).",
      "Paste it below.",
    ],
  }),
  icon: "chat",
  transport: mattermostTransport,
  isEnabled: (env) => env.mattermostEnabled,
};
