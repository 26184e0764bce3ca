// PagerDuty integration (kind "pd", Healthchecks' PagerDuty transport): Events API v1
// create_event.json, which triggers on down and resolves on up the incident keyed by the
// check's unique key, so repeated downs of one check stay one incident.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { getCheckFacts, getCloakedUrl, getNameThenCode } from "../alerts/flip-details";
import { getUniqueKey } from "../checks/to-dict";
import { readPdConfig } from "../channels/push-configs";
import { postJson } from "./post-json";
import { TransportError, type NotifyContext, type Transport } from "./transport";

// Healthchecks' detail labels ("Total pings", "Time zone") differ in case from the chat ones.
const PD_LABELS: Record<string, string> = { "Total Pings": "Total pings", "Last Ping": "Last ping", "Time Zone": "Time zone" };

export const pagerdutyTransport: Transport = {
  kind: "pd",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.pdEnabled) throw new TransportError("PagerDuty notifications are not enabled.");
    const { serviceKey } = readPdConfig(ctx.channel.config);
    const { check, flip } = ctx;
    const details: Record<string, string> = {};
    for (const { title, value } of getCheckFacts(check, await ctx.getLastPing(), { formatTags: (tags) => tags.join(", ") })) {
      details[PD_LABELS[title] ?? title] = value;
    }
    await postJson(ctx, `${env.pdApiUrl}/generic/2010-04-15/create_event.json`, {
      service_key: serviceKey,
      incident_key: getUniqueKey(check.code),
      event_type: flip.newStatus === "down" ? "trigger" : "resolve",
      description: `${getNameThenCode(check)} is ${flip.newStatus.toUpperCase()}`,
      client: env.siteName,
      client_url: getCloakedUrl(check),
      details,
    });
  },
};
