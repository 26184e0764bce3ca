// Spike.sh integration: its webhook takes the check's unique key as check_id and the status,
// and resolves the incident when the same check_id arrives with "up".
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { getUniqueKey } from "../checks/to-dict";
import type { KindDescriptor } from "./descriptor";
import { postJson } from "./post-json";
import { buildPushMessage } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";
import { readWebhookUrl, webhookUrlKind, type WebhookUrlConfig } from "./webhook-url";

export const spikeTransport: Transport = {
  kind: "spike",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().spikeEnabled) throw new TransportError("Spike.sh notifications are not enabled.");
    const { title, message } = await buildPushMessage(ctx, { markup: "text", bodyLimit: 0 });
    await postJson(ctx, readWebhookUrl(ctx.channel.config), {
      check_id: getUniqueKey(ctx.check.code),
      title,
      message,
      status: ctx.flip.newStatus,
    });
  },
};

export const spikeKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "spike",
    label: "Spike.sh",
    description: "Trigger and resolve Spike.sh incidents through an integration webhook.",
    fieldLabel: "Webhook URL",
    example: "https://hooks.spike.sh/xxxxxxxx/push-events",
    steps: [
      "In Spike.sh, open “Integrations” → “Add integration” and choose “Healthchecks”.",
      "Copy the webhook URL it shows and paste it below.",
    ],
  }),
  icon: "siren",
  transport: spikeTransport,
  isEnabled: (env) => env.spikeEnabled,
};
