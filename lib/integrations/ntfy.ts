// ntfy integration (Healthchecks' Ntfy transport): a JSON publish to the server's root URL,
// which carries the topic in the body, so self-hosted servers work the same as https://ntfy.sh.
// Stored config: {"topic", "url", "priority", "priority_up", "token"}; priority 0 turns that
// event off.
import { z } from "zod";
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { consumeToken } from "../rate-limit/consume-token";
import { int, priority, readConfigObject, serverUrl, str, token } from "./config";
import type { KindDescriptor } from "./descriptor";
import { toInt } from "./forms";
import { getCloakedUrl, getFlipDirection, getFlipEmoji } from "./message";
import { postJson } from "./post-json";
import { buildPushMessage } from "./push-message";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";

export const NTFY_SH = "https://ntfy.sh";

const ntfyConfig = z.strictObject({
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

function getPriority(channel: Channel, flip: Flip): number {
  const config = readNtfyConfig(channel.config);
  return getFlipDirection(flip) === "up" ? config.priority_up : config.priority;
}

/** The channel's own token; on https://ntfy.sh without one, the server-wide NTFY_SH_TOKEN. */
export function getNtfyToken(config: Pick<NtfyConfig, "url" | "token">, ntfyShToken: string): string {
  return config.token || (config.url === NTFY_SH ? ntfyShToken : "");
}

export const ntfyTransport: Transport = {
  kind: "ntfy",

  isNoop(channel: Channel, flip: Flip): boolean {
    return getPriority(channel, flip) === 0;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const config = readNtfyConfig(ctx.channel.config);
    // At most 6 messages a minute per server and topic, as Healthchecks does, so a flapping
    // check cannot get the server's IP banned by a public ntfy instance.
    if (!(await consumeToken(`ntfy-${config.url}-${config.topic}`, 6, 60))) throw new TransportError("Rate limit exceeded");
    const { title, message } = await buildPushMessage(ctx, { markup: "markdown", withOtherDownChecks: true });
    const env = getEnv();
    const token = getNtfyToken(config, env.ntfyShToken);
    const payload = {
      topic: config.topic,
      priority: getPriority(ctx.channel, ctx.flip),
      title,
      message,
      markdown: true,
      tags: [{ "🟢": "green_circle", "🟡": "yellow_circle", "🔴": "red_circle" }[getFlipEmoji(ctx.flip)] ?? "red_circle"],
      actions: [{ action: "view", label: `View on ${env.siteName}`, url: getCloakedUrl(ctx.check) }],
    };
    await postJson(ctx, config.url, payload, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  },
};

const PRIORITIES = [
  { value: "5", label: "Max (5)" },
  { value: "4", label: "High (4)" },
  { value: "3", label: "Default (3)" },
  { value: "2", label: "Low (2)" },
  { value: "1", label: "Min (1)" },
  { value: "0", label: "Disabled: don't notify" },
] as const;

export const ntfyKind: KindDescriptor<NtfyConfig> = {
  kind: "ntfy",
  label: "ntfy",
  description: "Push a notification to the ntfy app through ntfy.sh or your own ntfy server.",
  icon: "bell",
  configSchema: ntfyConfig,
  readConfig: readNtfyConfig,
  transport: ntfyTransport,
  form: {
    layout: "settings",
    steps: [
      "Pick a topic name that is hard to guess (anyone who knows it can read the messages on a public server) and subscribe to it in the ntfy app.",
      "For your own ntfy server, enter its address; for a protected topic, create an access token (ntfy token add) and enter it too.",
    ],
    fields: [
      { name: "topic", label: "Topic", type: "text", required: true, maxLength: 64, placeholder: "vigil-ops-7f3k2" },
      { name: "url", label: "Server", type: "url", required: true, maxLength: 1000, placeholder: NTFY_SH },
      { name: "priority", label: "Priority when a check goes down", type: "select", options: PRIORITIES },
      { name: "priority_up", label: "Priority when a check comes back up", type: "select", options: PRIORITIES },
      { name: "token", label: "Access token (optional)", type: "password", maxLength: 100, hint: "Sent as a Bearer token." },
    ],
    defaults: { url: NTFY_SH, priority: "3", priority_up: "3" },
    toConfig: (v) => ({ config: { topic: v.topic, url: v.url, priority: toInt(v.priority), priority_up: toInt(v.priority_up), token: v.token } }),
    fromConfig: (c) => ({ topic: c.topic, url: c.url, priority: String(c.priority), priority_up: String(c.priority_up), token: c.token }),
  },
  summarize: (c) => (c.topic ? [`${c.url}/${c.topic}`] : []),
};
