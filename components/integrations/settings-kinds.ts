// The setup forms of the push and incident kinds whose config is a few fields (ntfy, Pushover,
// PagerDuty, Opsgenie, Gotify, Pushbullet): one generic form (settings-form.tsx) driven by these
// descriptions. Each kind says which fields it shows, how they become the config the API
// validates (lib/channels/push-configs.ts) and how a stored config fills them in again. Pure.
import {
  readConfigObject,
  readGotifyConfig,
  readNtfyConfig,
  readOpsgenieConfig,
  readPdConfig,
  readPushoverConfig,
} from "@/lib/channels/push-configs";
import { readPhoneConfig } from "@/lib/channels/phone-configs";
import { OTHER_SETTINGS_KINDS } from "./other-settings-kinds";

export interface SettingsField {
  name: string;
  label: string;
  /** A checkbox submits "on" when ticked and "" when not. */
  type: "text" | "url" | "password" | "select" | "checkbox";
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  hint?: string;
  /** Leaving an optional field empty is fine; a required one gets "Enter …". */
  required?: boolean;
  maxLength?: number;
}

export interface SettingsKind {
  kind: string;
  /** Where to find the values in the service, step by step. */
  steps: readonly string[];
  fields: readonly SettingsField[];
  /** The config to validate and store, from the submitted fields. */
  toConfig(values: Record<string, string>): unknown;
  /** The fields' values for a stored config (the edit form). */
  fromConfig(json: string): Record<string, string>;
  /** Which field shows a config key's error, where the names differ. */
  errorFields?: Readonly<Record<string, string>>;
  /** The integrations list's lines, shown to read-only members too: no tokens or keys in full. */
  summarize(json: string): string[];
}

/** The first 4 characters of a secret, enough to tell two apart. */
function maskSecret(secret: string): string {
  return secret ? `${secret.slice(0, 4)}…` : "";
}

const NTFY_PRIORITIES = [
  { value: "5", label: "Max (5)" },
  { value: "4", label: "High (4)" },
  { value: "3", label: "Default (3)" },
  { value: "2", label: "Low (2)" },
  { value: "1", label: "Min (1)" },
  { value: "0", label: "Disabled: don't notify" },
] as const;

const PUSHOVER_PRIORITIES = [
  { value: "2", label: "Emergency (repeat until acknowledged)" },
  { value: "1", label: "High (bypasses quiet hours)" },
  { value: "0", label: "Normal" },
  { value: "-1", label: "Low (no sound)" },
  { value: "-2", label: "Lowest (no notification)" },
  { value: "-3", label: "Disabled: don't notify" },
] as const;

const GOTIFY_PRIORITIES = [
  ...Array.from({ length: 9 }, (_, i) => ({ value: String(9 - i), label: String(9 - i) })),
  { value: "0", label: "Disabled: don't notify" },
];

const toInt = (s: string | undefined): number | string => (s !== undefined && /^-?\d+$/.test(s) ? Number(s) : (s ?? ""));

const PHONE_FIELD: SettingsField = {
  name: "value",
  label: "Phone number",
  type: "text",
  required: true,
  maxLength: 20,
  placeholder: "+15551234567",
  hint: "In international format: a plus sign, the country code and the number.",
};
const UP_DOWN_FIELDS: readonly SettingsField[] = [
  { name: "down", label: "When a check goes down", type: "checkbox" },
  { name: "up", label: "When a check comes back up", type: "checkbox" },
];
const phoneUpDown = (v: Record<string, string>) => ({ value: v.value, up: v.up === "on", down: v.down === "on" });
const phoneFromConfig = (json: string) => {
  const c = readPhoneConfig(json);
  return { value: c.value, up: c.up ? "on" : "", down: c.down ? "on" : "" };
};
const summarizePhone = (json: string, withEvents: boolean) => {
  const c = readPhoneConfig(json);
  if (!c.value) return [];
  const events = c.up && c.down ? "down and up" : c.down ? "down only" : "up only";
  return [withEvents ? `${c.value} (${events})` : c.value];
};

export const SETTINGS_KINDS: readonly SettingsKind[] = [
  {
    kind: "ntfy",
    steps: [
      "Pick a topic name that is hard to guess (anyone who knows it can read the messages on a public server) and subscribe to it in the ntfy app.",
      "For your own ntfy server, enter its address; for a protected topic, create an access token (ntfy token add) and enter it too.",
    ],
    fields: [
      { name: "topic", label: "Topic", type: "text", required: true, maxLength: 64, placeholder: "vigil-ops-7f3k2" },
      { name: "url", label: "Server", type: "url", required: true, maxLength: 1000, placeholder: "https://ntfy.sh" },
      { name: "priority", label: "Priority when a check goes down", type: "select", options: NTFY_PRIORITIES },
      { name: "priority_up", label: "Priority when a check comes back up", type: "select", options: NTFY_PRIORITIES },
      { name: "token", label: "Access token (optional)", type: "password", maxLength: 100, hint: "Sent as a Bearer token." },
    ],
    toConfig: (v) => ({ topic: v.topic, url: v.url, priority: toInt(v.priority), priority_up: toInt(v.priority_up), token: v.token }),
    fromConfig: (json) => {
      const c = readNtfyConfig(json);
      return { topic: c.topic, url: c.url, priority: String(c.priority), priority_up: String(c.priority_up), token: c.token };
    },
    summarize: (json) => {
      const c = readNtfyConfig(json);
      return c.topic ? [`${c.url}/${c.topic}`] : [];
    },
  },
  {
    kind: "po",
    steps: [
      "Sign in at pushover.net and copy “Your User Key” from the dashboard (or a group key to reach a whole team).",
      "Emergency priority repeats the alert until someone acknowledges it; the recovery cancels it.",
    ],
    fields: [
      { name: "user_key", label: "User or group key", type: "text", required: true, maxLength: 30, placeholder: "uQiRzpo4DXghDmr9QzzfQu27cmVRsG" },
      { name: "priority", label: "Priority when a check goes down", type: "select", options: PUSHOVER_PRIORITIES },
      { name: "priority_up", label: "Priority when a check comes back up", type: "select", options: PUSHOVER_PRIORITIES },
    ],
    toConfig: (v) => ({ value: `${v.user_key}|${v.priority}|${v.priority_up}` }),
    fromConfig: (json) => {
      const c = readPushoverConfig(json);
      return { user_key: c.userKey, priority: String(c.priority), priority_up: String(c.priorityUp) };
    },
    summarize: (json) => {
      const c = readPushoverConfig(json);
      return c.userKey ? [`User key ${maskSecret(c.userKey)} (priority ${c.priority}, up ${c.priorityUp})`] : [];
    },
    errorFields: { value: "user_key", "": "user_key" },
  },
  {
    kind: "pd",
    steps: [
      "In PagerDuty, open the service → “Integrations” → “Add an integration” and choose “Events API V1”.",
      "Copy its “Integration Key” and paste it below. Vigil triggers an incident when a check goes down and resolves it on recovery.",
    ],
    fields: [{ name: "service_key", label: "Integration key", type: "text", required: true, maxLength: 32, placeholder: "e93facc04764012d7bfb002500d5d1a6" }],
    toConfig: (v) => ({ service_key: v.service_key }),
    fromConfig: (json) => ({ service_key: readPdConfig(json).serviceKey }),
    summarize: (json) => {
      const c = readPdConfig(json);
      return c.serviceKey ? [[c.account, `Integration key ${maskSecret(c.serviceKey)}`].filter(Boolean).join(" / ")] : [];
    },
  },
  {
    kind: "opsgenie",
    steps: [
      "In Opsgenie, open “Teams” → your team → “Integrations” → “Add integration” and choose “API”.",
      "Copy the API key and paste it below, with the region your account is in.",
    ],
    fields: [
      { name: "key", label: "API key", type: "password", required: true, maxLength: 100 },
      {
        name: "region",
        label: "Region",
        type: "select",
        options: [
          { value: "us", label: "US (api.opsgenie.com)" },
          { value: "eu", label: "EU (api.eu.opsgenie.com)" },
        ],
      },
    ],
    toConfig: (v) => ({ key: v.key, region: v.region }),
    fromConfig: (json) => readOpsgenieConfig(json),
    summarize: (json) => [`${readOpsgenieConfig(json).region.toUpperCase()} region`],
  },
  {
    kind: "gotify",
    steps: ["In Gotify, open “Apps” → “Create application”, and copy its token.", "Enter your Gotify server's address and the token below."],
    fields: [
      { name: "url", label: "Server", type: "url", required: true, maxLength: 1000, placeholder: "https://gotify.example.org" },
      { name: "token", label: "Application token", type: "password", required: true, maxLength: 100 },
      { name: "priority", label: "Priority when a check goes down", type: "select", options: GOTIFY_PRIORITIES },
      { name: "priority_up", label: "Priority when a check comes back up", type: "select", options: GOTIFY_PRIORITIES },
    ],
    toConfig: (v) => ({ url: v.url, token: v.token, priority: toInt(v.priority), priority_up: toInt(v.priority_up) }),
    fromConfig: (json) => {
      const c = readGotifyConfig(json);
      return { url: c.url, token: c.token, priority: String(c.priority), priority_up: String(c.priority_up) };
    },
    summarize: (json) => {
      const { url } = readGotifyConfig(json);
      return url ? [url] : [];
    },
  },
  {
    kind: "pushbullet",
    steps: ["In Pushbullet, open “Settings” → “Account” → “Create Access Token”.", "Copy the token and paste it below."],
    fields: [{ name: "value", label: "Access token", type: "password", required: true, maxLength: 100, placeholder: "o.xxxxxxxxxxxxxxxx" }],
    toConfig: (v) => ({ value: v.value }),
    fromConfig: (json) => ({ value: String(readConfigObject(json).value ?? "") }),
    summarize: () => ["All devices of the account"],
  },
  // Twilio (lib/integrations/twilio.ts).
  {
    kind: "sms",
    steps: ["Enter the mobile number to text, in international format.", "Choose which events send a message."],
    fields: [PHONE_FIELD, ...UP_DOWN_FIELDS],
    toConfig: phoneUpDown,
    fromConfig: phoneFromConfig,
    summarize: (json) => summarizePhone(json, true),
    errorFields: { "": "down" },
  },
  {
    kind: "whatsapp",
    steps: ["Enter the WhatsApp number to message, in international format.", "Choose which events send a message."],
    fields: [PHONE_FIELD, ...UP_DOWN_FIELDS],
    toConfig: phoneUpDown,
    fromConfig: phoneFromConfig,
    summarize: (json) => summarizePhone(json, true),
    errorFields: { "": "down" },
  },
  {
    kind: "call",
    steps: ["Enter the phone number to call, in international format.", "A call reads out the check's name when it goes down; recoveries do not call."],
    fields: [PHONE_FIELD],
    toConfig: (v) => ({ value: v.value }),
    fromConfig: (json) => ({ value: readPhoneConfig(json).value }),
    summarize: (json) => summarizePhone(json, false),
  },
  ...OTHER_SETTINGS_KINDS,
];

/** The form description of a settings kind, or undefined for kinds with another form. */
export function getSettingsKind(kind: string): SettingsKind | undefined {
  return SETTINGS_KINDS.find((k) => k.kind === kind);
}

/** Values for a new channel: each select's first choice except where the service has a default. */
export function getDefaultSettings(kind: SettingsKind): Record<string, string> {
  const defaults: Record<string, string> = { url: kind.kind === "ntfy" ? "https://ntfy.sh" : "", priority: "", priority_up: "" };
  const values: Record<string, string> = {};
  for (const field of kind.fields) values[field.name] = defaults[field.name] ?? "";
  const prio: Record<string, string> = { ntfy: "3", po: "0", gotify: "5" };
  if (prio[kind.kind]) values.priority = values.priority_up = prio[kind.kind];
  if (kind.kind === "opsgenie") values.region = "us";
  if (kind.kind === "zulip") values.mtype = "stream";
  for (const field of kind.fields) if (field.type === "checkbox") values[field.name] = "on";
  return values;
}
