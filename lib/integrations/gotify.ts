// Gotify integration (Healthchecks' Gotify transport): POST <server>/message with the
// application token in the query, and a Markdown message. Stored config: {"url", "token",
// "priority", "priority_up"}; priority 0 turns that event off.
import { z } from "zod";
import type { Channel, Flip } from "../db";
import { int, priority, readConfigObject, serverUrl, str, token } from "./config";
import type { KindDescriptor } from "./descriptor";
import { toInt } from "./forms";
import { postJson } from "./post-json";
import { buildPushMessage } from "./push-message";
import type { NotifyContext, Transport } from "./transport";
import { getFlipDirection } from "./message";

const gotifyConfig = z.strictObject({
  url: serverUrl,
  token: token(100).min(1, { error: "must not be empty" }),
  priority: priority(0, 9, 5),
  priority_up: priority(0, 9, 5),
});

export type GotifyConfig = z.output<typeof gotifyConfig>;

export function readGotifyConfig(json: string): GotifyConfig {
  const c = readConfigObject(json);
  return { url: str(c.url).replace(/\/+$/, ""), token: str(c.token), priority: int(c.priority, 5), priority_up: int(c.priority_up, 5) };
}

function getPriority(channel: Channel, flip: Flip): number {
  const config = readGotifyConfig(channel.config);
  return getFlipDirection(flip) === "up" ? config.priority_up : config.priority;
}

export const gotifyTransport: Transport = {
  kind: "gotify",

  isNoop(channel: Channel, flip: Flip): boolean {
    return getPriority(channel, flip) === 0;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const config = readGotifyConfig(ctx.channel.config);
    const { title, message } = await buildPushMessage(ctx, { markup: "markdown", withOtherDownChecks: true });
    await postJson(ctx, `${config.url}/message?${new URLSearchParams({ token: config.token })}`, {
      title,
      message,
      priority: getPriority(ctx.channel, ctx.flip),
      extras: { "client::display": { contentType: "text/markdown" } },
    });
  },
};

const PRIORITIES = [
  ...Array.from({ length: 9 }, (_, i) => ({ value: String(9 - i), label: String(9 - i) })),
  { value: "0", label: "Disabled: don't notify" },
];

export const gotifyKind: KindDescriptor<GotifyConfig> = {
  kind: "gotify",
  label: "Gotify",
  description: "Push a notification through your Gotify server.",
  icon: "bell",
  configSchema: gotifyConfig,
  readConfig: readGotifyConfig,
  transport: gotifyTransport,
  form: {
    layout: "settings",
    steps: ["In Gotify, open “Apps” → “Create application”, and copy its token.", "Enter your Gotify server's address and the token below."],
    fields: [
      { name: "url", label: "Server", type: "url", required: true, maxLength: 1000, placeholder: "https://gotify.example.org" },
      { name: "token", label: "Application token", type: "password", required: true, maxLength: 100 },
      { name: "priority", label: "Priority when a check goes down", type: "select", options: PRIORITIES },
      { name: "priority_up", label: "Priority when a check comes back up", type: "select", options: PRIORITIES },
    ],
    defaults: { priority: "5", priority_up: "5" },
    toConfig: (v) => ({ config: { url: v.url, token: v.token, priority: toInt(v.priority), priority_up: toInt(v.priority_up) } }),
    fromConfig: (c) => ({ url: c.url, token: c.token, priority: String(c.priority), priority_up: String(c.priority_up) }),
  },
  summarize: (c) => (c.url ? [c.url] : []),
};
