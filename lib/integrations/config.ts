// Building blocks of the kinds' config schemas and readers: the value types several kinds share
// (URLs, tokens, priorities, phone numbers, the {value, up, down} shape) and the tolerant readers
// that turn a stored config back into typed settings. Schemas validate what the API and the forms
// send; readers never throw, because stored configs include Healthchecks' legacy plain values.
// Pure: no database, no network, so forms and tests use them too.
import { z } from "zod";

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A stored config as an object; Healthchecks' plain values (a key, an address) become {value}. */
export function readConfigObject(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "string") return { value: parsed };
    return isRecord(parsed) ? parsed : {};
  } catch {
    return { value: json };
  }
}

/** The string at `v`, or "". */
export const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** The integer at `v`, or `dflt`. */
export const int = (v: unknown, dflt: number): number => (typeof v === "number" && Number.isInteger(v) ? v : dflt);

/** True for an absolute http(s) URL: the only targets channel configs may point at. */
export function isHttpUrl(s: string): boolean {
  try {
    const { protocol } = new URL(s);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

/** A server's base URL (ntfy, Gotify…): http(s), stored without trailing slashes. */
export const serverUrl = z
  .string({ error: "must be a string" })
  .max(1000, { error: "must be at most 1000 characters" })
  .refine(isHttpUrl, { error: "must be an http or https URL" })
  .transform((s) => s.replace(/\/+$/, ""));

/** A token that goes into a header or a query string: no spaces or control characters. */
export const token = (max: number) =>
  z
    .string({ error: "must be a string" })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(/^[\x21-\x7e]*$/, { error: "must not contain spaces" });

/** A whole-number priority between min and max, `dflt` when absent. */
export function priority(min: number, max: number, dflt: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }).default(dflt);
}

/** A config given as a plain string is read as {"value": string} (Healthchecks' value form). */
export const asValueObject = (v: unknown): unknown => (typeof v === "string" ? { value: v } : v);

/** An up/down flag of the {value, up, down} configs, on by default. */
export const notifyFlag = z.boolean({ error: "must be a boolean" }).default(true);

/** E.164 as Healthchecks' PhoneNumberForm checks it: a plus and 5 to 15 digits. */
export const E164 = /^\+\d{5,15}$/;
export const E164_MESSAGE = "must be a phone number in international format, e.g. +15551234567";

/** A phone number in E.164; spaces and dashes are dropped. */
export const phoneNumber = z
  .string({ error: "must be a string" })
  .transform((s) => s.replace(/[\s-]/g, ""))
  .refine((s) => E164.test(s), { error: E164_MESSAGE });

/** The recipient and flags of email, SMS, WhatsApp and Signal channels. */
export interface UpDownConfig {
  value: string;
  up: boolean;
  down: boolean;
}

/** A stored {value, up, down}; a plain string (or a legacy config without flags) notifies both ways. */
export function readUpDownConfig(json: string): UpDownConfig {
  const c = readConfigObject(json);
  return { value: str(c.value), up: c.up !== false, down: c.down !== false };
}

/** Whether a {value, up, down} channel skips flips to `status`. */
export function isUpDownNoop(config: Pick<UpDownConfig, "up" | "down">, status: string): boolean {
  return status === "down" ? !config.down : !config.up;
}

/** "down and up", "down only", "up only": which events an up/down channel sends. */
export function describeUpDown(config: Pick<UpDownConfig, "up" | "down">): string {
  return config.up && config.down ? "down and up" : config.down ? "down only" : "up only";
}

/** The first 4 characters of a secret, enough to tell two apart in a list. */
export function maskSecret(secret: string): string {
  return secret ? `${secret.slice(0, 4)}…` : "";
}
