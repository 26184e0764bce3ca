// Gotify integration (Healthchecks' Gotify transport): POST <server>/message with the
// application token in the query, and a Markdown message.
import type { Channel, Flip } from "../db";
import { readGotifyConfig } from "../channels/push-configs";
import { postJson } from "./post-json";
import { buildPushMessage } from "./push-message";
import type { NotifyContext, Transport } from "./transport";

function getPriority(channel: Channel, flip: Flip): number {
  const config = readGotifyConfig(channel.config);
  return flip.newStatus === "up" ? config.priority_up : config.priority;
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
