// Pushover integration (kind "po", Healthchecks' Pushover transport): a form POST to
// messages.json with Vigil's application token and the user's key. Emergency priority (2)
// repeats until acknowledged, so the recovery first cancels the down alert by its tag.
// Stored config: {"value": "<user key>|<priority>|<priority for up>"}; priority -3 turns that
// event off.
import { z } from "zod";
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { request, type HttpResponse } from "../http";
import { getUniqueKey } from "../checks/to-dict";
import { consumeToken } from "../rate-limit/consume-token";
import { isRecord, maskSecret, readConfigObject, str } from "./config";
import type { KindDescriptor } from "./descriptor";
import { getCloakedUrl, getFlipDirection, getFlipEmoji } from "./message";
import { buildPushMessage } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";

const PRIORITY_VALUES = [-3, -2, -1, 0, 1, 2] as const;
const FORMAT = 'must be "<user key>|<priority>|<priority for up>" with priorities from -3 to 2';

function getUserKeyError(value: string): string | null {
  const [userKey, prio, prioUp, ...rest] = value.split("|");
  if (!/^[A-Za-z0-9]{30}$/.test(userKey)) return "must start with a Pushover user or group key (30 letters and digits)";
  const isPriority = (p: string | undefined) => p !== undefined && PRIORITY_VALUES.some((n) => String(n) === p);
  if (!isPriority(prio)) return FORMAT;
  if (rest.length || (prioUp !== undefined && !isPriority(prioUp))) return FORMAT;
  return null;
}

/** "<user_key>|<prio>|<prio_up>" (a missing prio_up means the same as prio), as a string or {"value": ...}. */
const pushoverConfig = z.unknown().transform((input, ctx): Record<string, unknown> => {
  const value = typeof input === "string" ? input : isRecord(input) && Object.keys(input).join() === "value" ? input.value : undefined;
  if (typeof value !== "string") {
    ctx.addIssue({ code: "custom", message: 'must be "<user key>|<priority>|<priority for up>" or {"value": ...}', path: [] });
    return z.NEVER;
  }
  const error = getUserKeyError(value);
  if (error) {
    ctx.addIssue({ code: "custom", message: error, path: ["value"] });
    return z.NEVER;
  }
  const [userKey, prio, prioUp = prio] = value.split("|");
  return { value: `${userKey}|${prio}|${prioUp}` };
});

export interface PushoverConfig {
  userKey: string;
  priority: number;
  priorityUp: number;
}

export function readPushoverConfig(json: string): PushoverConfig {
  const [userKey = "", prio = "0", prioUp = prio] = str(readConfigObject(json).value).split("|");
  const toInt = (s: string) => (/^-?\d+$/.test(s) ? Number(s) : 0);
  return { userKey, priority: toInt(prio), priorityUp: toInt(prioUp) };
}

const DISABLED = -3;
const EMERGENCY = 2;
// Pushover refuses messages over 1024 characters.
const MESSAGE_LIMIT = 1024;

function getPriority(channel: Channel, flip: Flip): number {
  const config = readPushoverConfig(channel.config);
  return getFlipDirection(flip) === "up" ? config.priorityUp : config.priority;
}

/** 400 with {"user": "invalid"}: the user or group key was deleted and will not come back. */
export function getPushoverError(res: HttpResponse): TransportError {
  let isInvalidUser = false;
  if (res.status === 400) {
    try {
      isInvalidUser = (JSON.parse(res.body.toString("utf8")) as { user?: unknown }).user === "invalid";
    } catch {
      // Not JSON: an ordinary failure.
    }
  }
  return isInvalidUser
    ? new TransportError("Received status code 400 (invalid user key)", { permanent: true })
    : new TransportError(`Received status code ${res.status}`);
}

export const pushoverTransport: Transport = {
  kind: "po",

  isNoop(channel: Channel, flip: Flip): boolean {
    return getPriority(channel, flip) === DISABLED;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.pushoverApiToken) throw new TransportError("Pushover notifications are not enabled.");
    const config = readPushoverConfig(ctx.channel.config);
    // At most 6 messages a minute per user key (Pushover's own fair-use rule), as in Healthchecks.
    if (!(await consumeToken(`po-${config.userKey}`, 6, 60))) throw new TransportError("Rate limit exceeded");
    const tag = getUniqueKey(ctx.check.code);
    const retries = ctx.isTest ? 1 : 3;
    const post = (path: string, fields: Record<string, string>) =>
      request({
        method: "POST",
        url: `${env.pushoverApiUrl}/1/${path}`,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
        retries,
        errorForStatus: getPushoverError,
      });

    if (getFlipDirection(ctx.flip) === "up" && config.priority === EMERGENCY) {
      await post(`receipts/cancel_by_tag/${tag}.json`, { token: env.pushoverApiToken });
    }
    const priority = getPriority(ctx.channel, ctx.flip);
    const { title, message } = await buildPushMessage(ctx, { markup: "html", bodyLimit: 0, withOtherDownChecks: true });
    const fields: Record<string, string> = {
      token: env.pushoverApiToken,
      user: config.userKey,
      title: `${getFlipEmoji(ctx.flip)} ${title}`,
      message: message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message,
      html: "1",
      priority: String(priority),
      tags: tag,
      url: getCloakedUrl(ctx.check),
      url_title: `View on ${env.siteName}`,
    };
    if (priority === EMERGENCY) {
      fields.retry = String(env.pushoverEmergencyRetryDelay);
      fields.expire = String(env.pushoverEmergencyExpiration);
    }
    await post("messages.json", fields);
  },
};

const PRIORITIES = [
  { value: "2", label: "Emergency (repeat until acknowledged)" },
  { value: "1", label: "High (bypasses quiet hours)" },
  { value: "0", label: "Normal" },
  { value: "-1", label: "Low (no sound)" },
  { value: "-2", label: "Lowest (no notification)" },
  { value: "-3", label: "Disabled: don't notify" },
] as const;

export const pushoverKind: KindDescriptor<PushoverConfig> = {
  kind: "po",
  label: "Pushover",
  description: "Push a notification to your phone or desktop, with an emergency priority that repeats until acknowledged.",
  icon: "bell",
  configSchema: pushoverConfig,
  readConfig: readPushoverConfig,
  transport: pushoverTransport,
  form: {
    layout: "settings",
    steps: [
      "Sign in at pushover.net and copy “Your User Key” from the dashboard (or a group key to reach a whole team).",
      "Emergency priority repeats the alert until someone acknowledges it; the recovery cancels it.",
    ],
    fields: [
      { name: "user_key", label: "User or group key", type: "text", required: true, maxLength: 30, placeholder: "uQiRzpo4DXghDmr9QzzfQu27cmVRsG" },
      { name: "priority", label: "Priority when a check goes down", type: "select", options: PRIORITIES },
      { name: "priority_up", label: "Priority when a check comes back up", type: "select", options: PRIORITIES },
    ],
    defaults: { priority: "0", priority_up: "0" },
    toConfig: (v) => ({ config: { value: `${v.user_key}|${v.priority}|${v.priority_up}` } }),
    fromConfig: (c) => ({ user_key: c.userKey, priority: String(c.priority), priority_up: String(c.priorityUp) }),
    errorFields: { value: "user_key", "": "user_key" },
  },
  summarize: (c) => (c.userKey ? [`User key ${maskSecret(c.userKey)} (priority ${c.priority}, up ${c.priorityUp})`] : []),
  isEnabled: (env) => Boolean(env.pushoverApiToken),
};
