// Zulip integration (Healthchecks' Zulip transport): a form POST to <site>/api/v1/messages as
// the bot (HTTP basic auth), to a stream and topic or privately to users, in Zulip Markdown.
import { request } from "../http";
import { readZulipConfig } from "../channels/other-configs";
import { getNameThenCode } from "../alerts/flip-details";
import { buildPushMessage } from "./push-message";
import { TransportError, type NotifyContext, type Transport } from "./transport";

function readZulipMessage(body: Buffer): string {
  try {
    const msg = (JSON.parse(body.toString("utf8")) as { msg?: unknown }).msg;
    return typeof msg === "string" ? msg : "";
  } catch {
    return "";
  }
}

export const zulipTransport: Transport = {
  kind: "zulip",

  isNoop: () => false,

  async notify(ctx: NotifyContext): Promise<void> {
    const config = readZulipConfig(ctx.channel.config);
    const { message } = await buildPushMessage(ctx, { markup: "markdown", withOtherDownChecks: true });
    const topic = config.topic || `${getNameThenCode(ctx.check)} is ${ctx.flip.newStatus.toUpperCase()}`;
    const auth = Buffer.from(`${config.bot_email}:${config.api_key}`).toString("base64");
    await request({
      method: "POST",
      url: `${config.site}/api/v1/messages`,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: `Basic ${auth}` },
      body: new URLSearchParams({ type: config.mtype, to: config.to, topic, content: message }).toString(),
      retries: ctx.isTest ? 1 : 3,
      errorForStatus: (res) => {
        const msg = readZulipMessage(res.body);
        const detail = msg ? ` with a message: "${msg}"` : "";
        // A revoked bot or a wrong key will not start working on retry.
        return new TransportError(`Received status code ${res.status}${detail}`, { permanent: res.status === 401 });
      },
    });
  },
};
