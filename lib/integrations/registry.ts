// The only list of integration kinds. The channels API and verbs validate with these
// descriptors, the web pages build their forms and the integrations list from them, and
// deliverFlip finds transports here; a kind with no entry is reported as unsupported on the
// channel, never silently skipped. Order is the "Add integration" list's.
import type { Env } from "../env";
import type { AnyKindDescriptor } from "./descriptor";
import type { Transport } from "./transport";
import { readConfigObject } from "./config";
import { discordKind } from "./discord";
import { emailKind } from "./email";
import { googlechatKind } from "./googlechat";
import { gotifyKind } from "./gotify";
import { groupKind } from "./group";
import { matrixKind } from "./matrix";
import { mattermostKind } from "./mattermost";
import { msteamswKind } from "./msteamsw";
import { ntfyKind } from "./ntfy";
import { opsgenieKind } from "./opsgenie";
import { pagerdutyKind } from "./pagerduty";
import { pagertreeKind } from "./pagertree";
import { pushbulletKind } from "./pushbullet";
import { pushoverKind } from "./pushover";
import { rocketchatKind } from "./rocketchat";
import { shellKind } from "./shell";
import { signalKind } from "./signal";
import { slackKind } from "./slack";
import { spikeKind } from "./spike";
import { telegramKind } from "./telegram";
import { callKind, smsKind, whatsappKind } from "./twilio";
import { victoropsKind } from "./victorops";
import { webhookKind } from "./webhook";
import { zulipKind } from "./zulip";

const KINDS: readonly AnyKindDescriptor[] = [
  emailKind,
  webhookKind,
  slackKind,
  mattermostKind,
  rocketchatKind,
  discordKind,
  msteamswKind,
  googlechatKind,
  ntfyKind,
  pushoverKind,
  pagerdutyKind,
  opsgenieKind,
  gotifyKind,
  victoropsKind,
  pagertreeKind,
  spikeKind,
  pushbulletKind,
  telegramKind,
  smsKind,
  whatsappKind,
  callKind,
  zulipKind,
  matrixKind,
  shellKind,
  signalKind,
  groupKind,
];

const BY_KIND: ReadonlyMap<string, AnyKindDescriptor> = new Map(KINDS.map((d) => [d.kind, d]));

/** Every kind Vigil implements, in the order the "Add integration" list shows them. */
export function listKinds(): readonly AnyKindDescriptor[] {
  return KINDS;
}

/** The descriptor of a kind, or null for a kind Vigil does not implement. */
export function getKind(kind: string): AnyKindDescriptor | null {
  return BY_KIND.get(kind) ?? null;
}

/** The transport for a channel kind, or null if Vigil does not implement that kind. */
export function getTransport(kind: string): Transport | null {
  return getKind(kind)?.transport ?? null;
}

/** Whether the server offers this kind (e.g. SLACK_ENABLED=False turns Slack off); unknown kinds are not. */
export function isKindEnabled(kind: string, env: Env): boolean {
  const descriptor = getKind(kind);
  return descriptor !== null && (descriptor.isEnabled?.(env) ?? true);
}

/** How the UI names a kind ("Pushover"), or the raw kind for one Vigil does not implement. */
export function getKindLabel(kind: string): string {
  return getKind(kind)?.label ?? kind;
}

/** The integrations list's lines for a stored channel; a kind Vigil does not know shows its plain value. */
export function summarizeChannel(kind: string, json: string): string[] {
  const descriptor = getKind(kind);
  if (descriptor) return descriptor.summarize(descriptor.readConfig(json));
  const value = readConfigObject(json).value;
  return typeof value === "string" && value ? [value] : [];
}
