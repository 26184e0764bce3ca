// Stored configs of the push and incident kinds (§6.3): the zod schemas the channels API and
// the setup forms validate with (registered in channel-kinds.ts), and readers that turn a
// stored config back into typed settings for the transports and the integrations list. Pure.
import { isHttpUrl } from "./is-http-url";
import { z } from "zod";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A stored config as an object; Healthchecks' plain values (a key, a string) become {value}. */
export function readConfigObject(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "string") return { value: parsed };
    return isRecord(parsed) ? parsed : {};
  } catch {
    return { value: json };
  }
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const int = (v: unknown, dflt: number): number => (typeof v === "number" && Number.isInteger(v) ? v : dflt);

const serverUrl = z
  .string({ error: "must be a string" })
  .max(1000, { error: "must be at most 1000 characters" })
  .refine(isHttpUrl, { error: "must be an http or https URL" })
  .transform((s) => s.replace(/\/+$/, ""));

// Tokens go into a header or a query string: no spaces or control characters.
const token = (max: number) =>
  z
    .string({ error: "must be a string" })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(/^[\x21-\x7e]*$/, { error: "must not contain spaces" });

function priority(min: number, max: number, dflt: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).default(dflt);
}

// ---------------------------------------------------------------------------------------- ntfy

export const NTFY_SH = "https://ntfy.sh";

export const ntfyConfig = z.strictObject({
  topic: z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .max(64, { error: "must be at most 64 characters" })
    .regex(/^[-_A-Za-z0-9]+$/, { error: "may contain only letters, digits, - and _" }),
  url: serverUrl.default(NTFY_SH),
  priority: priority(0, 5, 3),
  priority_up: priority(0, 5, 3),
  token: token(100).default(""),
});

export type NtfyConfig = z.output<typeof ntfyConfig>;

/** ntfy's settings; priority 0 turns that event off. */
export function readNtfyConfig(json: string): NtfyConfig {
  const c = readConfigObject(json);
  return {
    topic: str(c.topic),
    url: str(c.url).replace(/\/+$/, "") || NTFY_SH,
    priority: int(c.priority, 3),
    priority_up: int(c.priority_up, 3),
    token: str(c.token),
  };
}

// ------------------------------------------------------------------------------------ Pushover

export const PUSHOVER_PRIORITIES = [-3, -2, -1, 0, 1, 2] as const;

function getPushoverError(value: string): string | null {
  const [userKey, prio, prioUp, ...rest] = value.split("|");
  if (!/^[A-Za-z0-9]{30}$/.test(userKey)) return "must start with a Pushover user or group key (30 letters and digits)";
  const isPriority = (p: string | undefined) => p !== undefined && PUSHOVER_PRIORITIES.some((n) => String(n) === p);
  if (!isPriority(prio)) return 'must be "<user key>|<priority>|<priority for up>" with priorities from -3 to 2';
  if (rest.length || (prioUp !== undefined && !isPriority(prioUp))) {
    return 'must be "<user key>|<priority>|<priority for up>" with priorities from -3 to 2';
  }
  return null;
}

/**
 * Pushover's "<user_key>|<prio>|<prio_up>" (§6.3; a missing prio_up means the same as prio),
 * as a string or {"value": ...}; stored as {"value": "<key>|<prio>|<prio_up>"}.
 */
export const pushoverConfig = z.unknown().transform((input, ctx): Record<string, unknown> => {
  const value = typeof input === "string" ? input : isRecord(input) && Object.keys(input).join() === "value" ? input.value : undefined;
  if (typeof value !== "string") {
    ctx.addIssue({ code: "custom", message: 'must be "<user key>|<priority>|<priority for up>" or {"value": ...}', path: [] });
    return z.NEVER;
  }
  const error = getPushoverError(value);
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

/** Pushover's settings; priority -3 turns that event off. */
export function readPushoverConfig(json: string): PushoverConfig {
  const [userKey = "", prio = "0", prioUp = prio] = str(readConfigObject(json).value).split("|");
  const toInt = (s: string) => (/^-?\d+$/.test(s) ? Number(s) : 0);
  return { userKey, priority: toInt(prio), priorityUp: toInt(prioUp) };
}

// ----------------------------------------------------------------------------------- PagerDuty

const serviceKey = z
  .string({ error: "must be a string" })
  .min(1, { error: "must not be empty" })
  .max(32, { error: "must be at most 32 characters" })
  .regex(/^[\x21-\x7e]+$/, { error: "must not contain spaces" });

/** A service (integration) key, {"value": key} or {"service_key", "account"}; stored as the last. */
export const pdConfig = z.preprocess(
  (v) => (typeof v === "string" ? { service_key: v } : isRecord(v) && Object.keys(v).join() === "value" ? { service_key: v.value } : v),
  z.strictObject({
    service_key: serviceKey,
    account: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).default(""),
  }),
);

export function readPdConfig(json: string): { serviceKey: string; account: string } {
  const c = readConfigObject(json);
  return { serviceKey: str(c.service_key) || str(c.value), account: str(c.account) };
}

// ------------------------------------------------------------------------------------ Opsgenie

export const opsgenieConfig = z.strictObject({
  key: token(100).min(1, { error: "must not be empty" }),
  region: z.enum(["us", "eu"], { error: 'must be "us" or "eu"' }).default("us"),
});

export function readOpsgenieConfig(json: string): { key: string; region: "us" | "eu" } {
  const c = readConfigObject(json);
  return { key: str(c.key), region: c.region === "eu" ? "eu" : "us" };
}

// -------------------------------------------------------------------------------------- Gotify

export const gotifyConfig = z.strictObject({
  url: serverUrl,
  token: token(100).min(1, { error: "must not be empty" }),
  priority: priority(0, 9, 5),
  priority_up: priority(0, 9, 5),
});

export type GotifyConfig = z.output<typeof gotifyConfig>;

/** Gotify's settings; priority 0 turns that event off. */
export function readGotifyConfig(json: string): GotifyConfig {
  const c = readConfigObject(json);
  return { url: str(c.url).replace(/\/+$/, ""), token: str(c.token), priority: int(c.priority, 5), priority_up: int(c.priority_up, 5) };
}

// ---------------------------------------------------------------------------------- Pushbullet

/** A Pushbullet access token, as a string or {"value": token}; stored as {"value": token}. */
export const pushbulletConfig = z.preprocess(
  (v) => (typeof v === "string" ? { value: v } : v),
  z.strictObject({ value: token(100).min(1, { error: "must not be empty" }) }),
);
