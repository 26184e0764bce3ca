// Stored configs of the Twilio kinds (§6.3), registered in channel-kinds.ts: sms and whatsapp
// {"value": "+E164", "up": bool, "down": bool}, call {"value": "+E164"}. A plain "+E164"
// string is accepted too. Pure.
import { z } from "zod";
import { readConfigObject } from "./push-configs";

/** E.164 as Healthchecks' PhoneNumberForm checks it: a plus and 5 to 15 digits. */
export const E164 = /^\+\d{5,15}$/;
export const E164_MESSAGE = "must be a phone number in international format, e.g. +15551234567";

const phoneNumber = z
  .string({ error: "must be a string" })
  .transform((s) => s.replace(/[\s-]/g, ""))
  .refine((s) => E164.test(s), { error: E164_MESSAGE });

const flag = z.boolean({ error: "must be a boolean" }).default(true);

const upDownObject = z.strictObject({ value: phoneNumber, up: flag, down: flag });

const asObject = (v: unknown): unknown => (typeof v === "string" ? { value: v } : v);

export const smsConfig: z.ZodType<Record<string, unknown>> = z.preprocess(
  asObject,
  upDownObject.refine((c) => c.up || c.down, { error: "must notify on up, down or both" }),
);

export const callConfig: z.ZodType<Record<string, unknown>> = z.preprocess(asObject, z.strictObject({ value: phoneNumber }));

export interface PhoneConfig {
  value: string;
  up: boolean;
  down: boolean;
}

/**
 * A stored sms/whatsapp/call (or signal) config; a plain string, or a bare number stored
 * unquoted, is a recipient notified both ways.
 */
export function readPhoneConfig(json: string): PhoneConfig {
  const c = readConfigObject(json);
  return { value: typeof c.value === "string" ? c.value : "", up: c.up !== false, down: c.down !== false };
}
