// The Signal kind: a message from this server's signal-cli number to a phone number or a Signal
// username, stored as {"value", "up", "down"}. When Signal asks for a CAPTCHA, the admins are
// told how to solve it and the owner gets the alert by email meanwhile (captcha.ts).
import { z } from "zod";
import type { KindDescriptor } from "../descriptor";
import { asValueObject, describeUpDown, E164, notifyFlag, readUpDownConfig, type UpDownConfig } from "../config";
import { CHOOSE_EVENT, isTicked, tick, UP_DOWN_FIELDS } from "../forms";
import { signalTransport } from "./transport";

// A Signal username: a nickname of 3–32 letters, digits or _, a dot, and at least 2 digits.
const SIGNAL_USERNAME = /^[A-Za-z_][A-Za-z0-9_]{2,31}\.\d{2,20}$/;

const recipient = z
  .string({ error: "must be a string" })
  .transform((s) => (s.trim().startsWith("+") ? s.replace(/[\s-]/g, "") : s.trim()))
  .refine((s) => E164.test(s) || SIGNAL_USERNAME.test(s), {
    error: "must be a phone number in international format (+15551234567) or a Signal username (name.01)",
  });

/** {"value": phone or username, "up", "down"}, or the phone/username as a string. */
const signalConfig = z.preprocess(
  asValueObject,
  z.strictObject({ value: recipient, up: notifyFlag, down: notifyFlag }).refine((c) => c.up || c.down, { error: "must notify on up, down or both" }),
);

export const signalKind: KindDescriptor<UpDownConfig> = {
  kind: "signal",
  label: "Signal",
  description: "Get a Signal message from this server's number, on your phone or username.",
  icon: "chat",
  configSchema: signalConfig,
  readConfig: readUpDownConfig,
  transport: signalTransport,
  form: {
    layout: "settings",
    steps: [
      "Enter the phone number (international format) or the Signal username (e.g. alice.01) to message.",
      "Messages come from this server's Signal number; save it in your contacts so they are not filtered as requests.",
    ],
    fields: [
      { name: "value", label: "Phone number or username", type: "text", required: true, maxLength: 50, placeholder: "+15551234567" },
      ...UP_DOWN_FIELDS,
    ],
    toConfig: (v) => ({ config: { value: v.value, up: isTicked(v.up), down: isTicked(v.down) } }),
    fromConfig: (c) => ({ value: c.value, down: tick(c.down), up: tick(c.up) }),
    errorFields: { "": "down" },
    messages: { "": { invalid: CHOOSE_EVENT } },
  },
  summarize: (c) => (c.value ? [`${c.value} (${describeUpDown(c)})`] : []),
  isEnabled: (env) => Boolean(env.signalCliSocket),
};
