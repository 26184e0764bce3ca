// Splunk On-Call (VictorOps) integration: its REST endpoint takes one JSON alert per flip;
// entity_id (the check's unique key) ties the RECOVERY to the CRITICAL it resolves.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import type { HttpResponse } from "../http";
import { getCloakedUrl, getNameThenCode, getFlipDirection } from "./message";
import { getUniqueKey } from "../checks/to-dict";
import type { KindDescriptor } from "./descriptor";
import { postJson } from "./post-json";
import { getFlipTitle } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";
import { readWebhookUrl, webhookUrlKind, type WebhookUrlConfig } from "./webhook-url";

/** A 404 means the routing key or the integration was removed. */
export function getVictoropsError(res: HttpResponse): TransportError {
  return new TransportError(`Received status code ${res.status}`, { permanent: res.status === 404 });
}

export const victoropsTransport: Transport = {
  kind: "victorops",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.victoropsEnabled) throw new TransportError("Splunk On-Call notifications are not enabled.");
    const payload = {
      entity_id: getUniqueKey(ctx.check.code),
      message_type: getFlipDirection(ctx.flip) === "down" ? "CRITICAL" : "RECOVERY",
      entity_display_name: getNameThenCode(ctx.check),
      state_message: `${getFlipTitle(ctx)}. Details: ${getCloakedUrl(ctx.check)}`,
      monitoring_tool: env.siteName,
    };
    await postJson(ctx, readWebhookUrl(ctx.channel.config), payload, { errorForStatus: getVictoropsError });
  },
};

export const victoropsKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "victorops",
    label: "Splunk On-Call",
    description: "Open a Splunk On-Call (VictorOps) incident and recover it automatically.",
    fieldLabel: "REST endpoint URL",
    example: "https://alert.victorops.com/integrations/generic/20131114/alert/xxxxxxxx/$routing_key",
    steps: [
      "In Splunk On-Call, open “Integrations” → “3rd Party Integrations” → “REST – Generic” and enable it.",
      "Copy the “URL to notify”, replace $routing_key with your routing key, and paste it below.",
    ],
  }),
  icon: "siren",
  transport: victoropsTransport,
  isEnabled: (env) => env.victoropsEnabled,
};
