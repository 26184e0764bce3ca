// Stored configs of zulip, matrix and shell (§6.3): the zod schemas the channels API and the
// setup forms validate with (registered in channel-kinds.ts), and readers that turn a stored
// config back into typed settings for the transports and the integrations list. Pure.
import { isHttpUrl } from "./is-http-url";
import { z } from "zod";
import { E164, readPhoneConfig, type PhoneConfig } from "./phone-configs";
import { readConfigObject } from "./push-configs";

const str = (v: unknown): string => (typeof v === "string" ? v : "");

// --------------------------------------------------------------------------------------- Zulip

export const zulipConfig = z.strictObject({
  bot_email: z
    .string({ error: "must be a string" })
    .max(254, { error: "must be at most 254 characters" })
    .regex(/^[^\s@]+@[^\s@]+$/, { error: "must be an email address" }),
  // Goes into a Basic auth header, so no spaces or control characters.
  api_key: z
    .string({ error: "must be a string" })
    .min(1, { error: "must not be empty" })
    .max(100, { error: "must be at most 100 characters" })
    .regex(/^[\x21-\x7e]+$/, { error: "must not contain spaces" }),
  mtype: z.enum(["stream", "private"], { error: 'must be "stream" or "private"' }).default("stream"),
  to: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).max(200, { error: "must be at most 200 characters" }),
  site: z
    .string({ error: "must be a string" })
    .max(200, { error: "must be at most 200 characters" })
    .refine(isHttpUrl, { error: "must be an http or https URL" })
    .transform((s) => s.replace(/\/+$/, "")),
  topic: z.string({ error: "must be a string" }).max(100, { error: "must be at most 100 characters" }).default(""),
});

export type ZulipConfig = z.output<typeof zulipConfig>;

export function readZulipConfig(json: string): ZulipConfig {
  const c = readConfigObject(json);
  return {
    bot_email: str(c.bot_email),
    api_key: str(c.api_key),
    mtype: c.mtype === "private" ? "private" : "stream",
    to: str(c.to),
    // Healthchecks' early Zulip channels had no site: the bot's domain was the server.
    site: str(c.site).replace(/\/+$/, "") || `https://${str(c.bot_email).split("@")[1] ?? ""}`,
    topic: str(c.topic),
  };
}

// -------------------------------------------------------------------------------------- Matrix

// A room id (!abc:example.org) or alias (#ops:example.org).
const ROOM = /^[!#][^\s:]+:[^\s]+$/;

/** A Matrix room id or alias, as a string or {"value": ...}; stored as {"value": room}. */
export const matrixConfig = z.preprocess(
  (v) => (typeof v === "string" ? { value: v } : v),
  z.strictObject({
    value: z
      .string({ error: "must be a string" })
      .min(1, { error: "must not be empty" })
      .max(200, { error: "must be at most 200 characters" })
      .regex(ROOM, { error: "must be a room id (!id:server) or alias (#name:server)" }),
  }),
);

export function readMatrixRoom(json: string): string {
  return str(readConfigObject(json).value);
}

// --------------------------------------------------------------------------------------- Shell

const command = z.string({ error: "must be a string" }).max(1000, { error: "must be at most 1000 characters" }).default("");

export const shellConfig = z
  .strictObject({ cmd_down: command, cmd_up: command })
  .refine((c) => c.cmd_down !== "" || c.cmd_up !== "", { error: "needs cmd_down or cmd_up" });

export function readShellConfig(json: string): { cmd_down: string; cmd_up: string } {
  const c = readConfigObject(json);
  return { cmd_down: str(c.cmd_down), cmd_up: str(c.cmd_up) };
}

// --------------------------------------------------------------------------------------- Group

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The member channels' UUIDs, comma-separated, as a string or {"value": ...}; stored as
 * {"value": "uuid,uuid"} (lowercase, without spaces or repeats). Whether they are channels of
 * the same project (and not groups) is checked against the database by createChannel and
 * updateChannel (assert-group-members.ts); delivery also skips any that no longer exist.
 */
export const groupConfig = z.unknown().transform((input, ctx): Record<string, unknown> => {
  const value = typeof input === "string" ? input : typeof input === "object" && input !== null && !Array.isArray(input) && Object.keys(input).join() === "value" ? (input as { value: unknown }).value : undefined;
  const fail = (message: string, path: string[] = ["value"]) => {
    ctx.addIssue({ code: "custom", message, path });
    return z.NEVER;
  };
  if (typeof value !== "string") return fail('must be comma-separated channel UUIDs or {"value": ...}', []);
  const codes = [...new Set(value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (codes.length === 0) return fail("must list at least one channel");
  const bad = codes.find((c) => !UUID.test(c));
  if (bad) return fail(`has an invalid channel UUID: ${bad}`);
  return { value: codes.join(",") };
});

export function readGroupChannelCodes(json: string): string[] {
  return str(readConfigObject(json).value)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

// -------------------------------------------------------------------------------------- Signal

// A Signal username: a nickname of 3–32 letters, digits or _, a dot, and at least 2 digits.
const SIGNAL_USERNAME = /^[A-Za-z_][A-Za-z0-9_]{2,31}\.\d{2,20}$/;

const signalRecipient = z
  .string({ error: "must be a string" })
  .transform((s) => (s.trim().startsWith("+") ? s.replace(/[\s-]/g, "") : s.trim()))
  .refine((s) => E164.test(s) || SIGNAL_USERNAME.test(s), {
    error: "must be a phone number in international format (+15551234567) or a Signal username (name.01)",
  });
const signalFlag = z.boolean({ error: "must be a boolean" }).default(true);

/** {"value": phone or username, "up", "down"}, or the phone/username as a string. */
export const signalConfig = z.preprocess(
  (v) => (typeof v === "string" ? { value: v } : v),
  z
    .strictObject({ value: signalRecipient, up: signalFlag, down: signalFlag })
    .refine((c) => c.up || c.down, { error: "must notify on up, down or both" }),
);

export function readSignalConfig(json: string): PhoneConfig {
  return readPhoneConfig(json);
}

/** signal-cli's recipient: a phone number as is, a username prefixed with "u:". */
export function getSignalRecipient(value: string): string {
  return value.startsWith("+") ? value : `u:${value}`;
}
