// The only module that knows every integration kind. deliverFlip() looks transports up here;
// kinds without a transport yet are reported as errors on the channel, never silently skipped.
import { discordTransport } from "./discord";
import { emailTransport } from "./email";
import { googlechatTransport } from "./googlechat";
import { gotifyTransport } from "./gotify";
import { ntfyTransport } from "./ntfy";
import { opsgenieTransport } from "./opsgenie";
import { pagerdutyTransport } from "./pagerduty";
import { pagertreeTransport } from "./pagertree";
import { pushbulletTransport } from "./pushbullet";
import { pushoverTransport } from "./pushover";
import { spikeTransport } from "./spike";
import { victoropsTransport } from "./victorops";
import { mattermostTransport } from "./mattermost";
import { msteamswTransport } from "./msteamsw";
import { rocketchatTransport } from "./rocketchat";
import { slackTransport } from "./slack";
import { telegramTransport } from "./telegram";
import { callTransport, smsTransport, whatsappTransport } from "./twilio";
import { groupTransport } from "./group";
import { matrixTransport } from "./matrix";
import { shellTransport } from "./shell";
import { signalTransport } from "./signal";
import { zulipTransport } from "./zulip";
import type { Transport } from "./transport";
import { webhookTransport } from "./webhook";

const TRANSPORTS: ReadonlyMap<string, Transport> = new Map(
  [
    emailTransport,
    webhookTransport,
    slackTransport,
    mattermostTransport,
    rocketchatTransport,
    discordTransport,
    telegramTransport,
    smsTransport,
    whatsappTransport,
    callTransport,
    msteamswTransport,
    googlechatTransport,
    ntfyTransport,
    pushoverTransport,
    pagerdutyTransport,
    opsgenieTransport,
    gotifyTransport,
    victoropsTransport,
    pagertreeTransport,
    spikeTransport,
    pushbulletTransport,
    zulipTransport,
    matrixTransport,
    shellTransport,
    groupTransport,
    signalTransport,
  ].map((t) => [t.kind, t]),
);

/** The transport for a channel kind, or null if Vigil does not implement that kind yet. */
export function getTransport(kind: string): Transport | null {
  return TRANSPORTS.get(kind) ?? null;
}
