// ntfy integration (Healthchecks' Ntfy transport): a JSON publish to the server's root URL,
// which carries the topic in the body, so self-hosted servers work the same as https://ntfy.sh.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { getCloakedUrl } from "../alerts/flip-details";
import { NTFY_SH, readNtfyConfig, type NtfyConfig } from "../channels/push-configs";
import { consumeToken } from "../rate-limit/consume-token";
import { postJson } from "./post-json";
import { buildPushMessage } from "./push-message";
import { TransportError, type NotifyContext, type Transport } from "./transport";

function getPriority(channel: Channel, flip: Flip): number {
  const config = readNtfyConfig(channel.config);
  return flip.newStatus === "up" ? config.priority_up : config.priority;
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
    // §6.2: at most 6 messages a minute per server and topic, so a flapping check cannot get
    // the server's IP banned by a public ntfy instance.
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
      tags: [ctx.flip.newStatus === "up" ? "green_circle" : "red_circle"],
      actions: [{ action: "view", label: `View on ${env.siteName}`, url: getCloakedUrl(ctx.check) }],
    };
    await postJson(ctx, config.url, payload, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  },
};
