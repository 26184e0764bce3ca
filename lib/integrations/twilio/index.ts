// The Twilio kinds, offered when TWILIO_ACCOUNT and TWILIO_AUTH are set: "sms" and "whatsapp"
// store {"value": "+E164", "up", "down"} (WhatsApp also needs TWILIO_USE_WHATSAPP), "call" stores
// {"value": "+E164"} and calls on down flips only. A plain "+E164" string is accepted too. All
// three count against the project owner's monthly quota (quota.ts).
import { z } from "zod";
import type { Env } from "../../env";
import type { KindDescriptor, KindForm } from "../descriptor";
import { asValueObject, describeUpDown, notifyFlag, phoneNumber, readUpDownConfig, type UpDownConfig } from "../config";
import { CHOOSE_EVENT, isTicked, PHONE_FIELD, tick, UP_DOWN_FIELDS } from "../forms";
import { callTransport, smsTransport, whatsappTransport } from "./transport";

const upDownConfig = z.preprocess(
  asValueObject,
  z.strictObject({ value: phoneNumber, up: notifyFlag, down: notifyFlag }).refine((c) => c.up || c.down, { error: "must notify on up, down or both" }),
);

const callConfig = z.preprocess(asValueObject, z.strictObject({ value: phoneNumber }));

const hasTwilio = (env: Env) => Boolean(env.twilioAccount && env.twilioAuth);

function upDownForm(steps: readonly string[]): KindForm<UpDownConfig> {
  return {
    layout: "settings",
    steps,
    fields: [PHONE_FIELD, ...UP_DOWN_FIELDS],
    toConfig: (v) => ({ config: { value: v.value, up: isTicked(v.up), down: isTicked(v.down) } }),
    fromConfig: (c) => ({ value: c.value, up: tick(c.up), down: tick(c.down) }),
    errorFields: { "": "down" },
    messages: { "": { invalid: CHOOSE_EVENT } },
  };
}

export const smsKind: KindDescriptor<UpDownConfig> = {
  kind: "sms",
  label: "SMS",
  description: "Get a text message (through Twilio) when a check goes down or comes back up.",
  icon: "phone",
  configSchema: upDownConfig,
  readConfig: readUpDownConfig,
  transport: smsTransport,
  form: upDownForm(["Enter the mobile number to text, in international format.", "Choose which events send a message."]),
  summarize: (c) => (c.value ? [`${c.value} (${describeUpDown(c)})`] : []),
  isEnabled: hasTwilio,
};

export const whatsappKind: KindDescriptor<UpDownConfig> = {
  ...smsKind,
  kind: "whatsapp",
  label: "WhatsApp",
  description: "Get a WhatsApp message (through Twilio) when a check goes down or comes back up.",
  transport: whatsappTransport,
  form: upDownForm(["Enter the WhatsApp number to message, in international format.", "Choose which events send a message."]),
  isEnabled: (env) => hasTwilio(env) && env.twilioUseWhatsapp,
};

export const callKind: KindDescriptor<UpDownConfig> = {
  kind: "call",
  label: "Phone call",
  description: "Get a phone call (through Twilio) that reads out the check's name when it goes down.",
  icon: "phone",
  configSchema: callConfig,
  readConfig: readUpDownConfig,
  transport: callTransport,
  form: {
    layout: "settings",
    steps: ["Enter the phone number to call, in international format.", "A call reads out the check's name when it goes down; recoveries do not call."],
    fields: [PHONE_FIELD],
    toConfig: (v) => ({ config: { value: v.value } }),
    fromConfig: (c) => ({ value: c.value }),
  },
  summarize: (c) => (c.value ? [c.value] : []),
  isEnabled: hasTwilio,
};
