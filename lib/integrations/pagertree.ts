// PagerTree integration: its webhook takes trigger/resolve events keyed by incident_key (the
// check's unique key), like PagerDuty's Events v1.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { getTagList, getFlipDirection } from "./message";
import { getUniqueKey } from "../checks/to-dict";
import type { KindDescriptor } from "./descriptor";
import { postJson } from "./post-json";
import { buildPushMessage } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";
import { readWebhookUrl, webhookUrlKind, type WebhookUrlConfig } from "./webhook-url";

export const pagertreeTransport: Transport = {
  kind: "pagertree",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.pagertreeEnabled) throw new TransportError("PagerTree notifications are not enabled.");
    const { title, message } = await buildPushMessage(ctx, { markup: "text", bodyLimit: 0 });
    await postJson(ctx, readWebhookUrl(ctx.channel.config), {
      incident_key: getUniqueKey(ctx.check.code),
      event_type: getFlipDirection(ctx.flip) === "down" ? "trigger" : "resolve",
      title,
      description: message,
      client: env.siteName,
      client_url: env.siteRoot,
      tags: getTagList(ctx.check.tags).join(","),
    });
  },
};

export const pagertreeKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "pagertree",
    label: "PagerTree",
    description: "Trigger and resolve PagerTree incidents through an integration webhook.",
    fieldLabel: "Integration URL",
    example: "https://api.pagertree.com/integration/int_xxxxxxxx",
    steps: [
      "In PagerTree, open “Integrations” → “Create Integration” and choose “Healthchecks.io”.",
      "Save it, copy the “Endpoint URL” and paste it below.",
    ],
  }),
  icon: "siren",
  transport: pagertreeTransport,
  isEnabled: (env) => env.pagertreeEnabled,
};
