// Pushover integration (kind "po", Healthchecks' Pushover transport): a form POST to
// messages.json with Vigil's application token and the user's key. Emergency priority (2)
// repeats until acknowledged, so the recovery first cancels the down alert by its tag.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { request, type HttpResponse } from "../http";
import { getCloakedUrl } from "../alerts/flip-details";
import { getUniqueKey } from "../checks/to-dict";
import { readPushoverConfig } from "../channels/push-configs";
import { consumeToken } from "../rate-limit/consume-token";
import { buildPushMessage } from "./push-message";
import { TransportError, type NotifyContext, type Transport } from "./transport";

const DISABLED = -3;
const EMERGENCY = 2;
// Pushover refuses messages over 1024 characters.
const MESSAGE_LIMIT = 1024;

function getPriority(channel: Channel, flip: Flip): number {
  const config = readPushoverConfig(channel.config);
  return flip.newStatus === "up" ? config.priorityUp : config.priority;
}

/** 400 with {"user": "invalid"}: the user or group key was deleted and will not come back. */
export function getPushoverError(res: HttpResponse): TransportError {
  let isInvalidUser = false;
  if (res.status === 400) {
    try {
      isInvalidUser = (JSON.parse(res.body.toString("utf8")) as { user?: unknown }).user === "invalid";
    } catch {
      // Not JSON: an ordinary failure.
    }
  }
  return isInvalidUser
    ? new TransportError("Received status code 400 (invalid user key)", { permanent: true })
    : new TransportError(`Received status code ${res.status}`);
}

export const pushoverTransport: Transport = {
  kind: "po",

  isNoop(channel: Channel, flip: Flip): boolean {
    return getPriority(channel, flip) === DISABLED;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.pushoverApiToken) throw new TransportError("Pushover notifications are not enabled.");
    const config = readPushoverConfig(ctx.channel.config);
    // §6.2: at most 6 messages a minute per user key (Pushover's own fair-use rule).
    if (!(await consumeToken(`po-${config.userKey}`, 6, 60))) throw new TransportError("Rate limit exceeded");
    const tag = getUniqueKey(ctx.check.code);
    const retries = ctx.isTest ? 1 : 3;
    const post = (path: string, fields: Record<string, string>) =>
      request({
        method: "POST",
        url: `${env.pushoverApiUrl}/1/${path}`,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
        retries,
        errorForStatus: getPushoverError,
      });

    if (ctx.flip.newStatus === "up" && config.priority === EMERGENCY) {
      await post(`receipts/cancel_by_tag/${tag}.json`, { token: env.pushoverApiToken });
    }
    const priority = getPriority(ctx.channel, ctx.flip);
    const { title, message } = await buildPushMessage(ctx, { markup: "html", bodyLimit: 0, withOtherDownChecks: true });
    const fields: Record<string, string> = {
      token: env.pushoverApiToken,
      user: config.userKey,
      title: `${ctx.flip.newStatus === "up" ? "🟢" : "🔴"} ${title}`,
      message: message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT - 1)}…` : message,
      html: "1",
      priority: String(priority),
      tags: tag,
      url: getCloakedUrl(ctx.check),
      url_title: `View on ${env.siteName}`,
    };
    if (priority === EMERGENCY) {
      fields.retry = String(env.pushoverEmergencyRetryDelay);
      fields.expire = String(env.pushoverEmergencyExpiration);
    }
    await post("messages.json", fields);
  },
};
