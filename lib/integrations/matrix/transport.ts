// Matrix integration (Healthchecks' Matrix transport): the bot account of MATRIX_USER_ID sends
// an m.text message to the room, plain text plus an HTML formatted body, through the
// client-server API of MATRIX_HOMESERVER. The bot joined the room when the channel was set up.
import { randomUUID } from "node:crypto";
import { getEnv } from "../../env";
import { request } from "../../http";
import { escapeHtml } from "../../format";
import { readConfigObject, str } from "../config";
import { buildPushMessage } from "../push-message";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";

/** The room of a stored config: {"value": "!id:server"} (or a legacy plain value). */
export function readMatrixRoom(json: string): string {
  return str(readConfigObject(json).value);
}

export const matrixTransport: Transport = {
  kind: "matrix",

  isNoop: () => false,

  async notify(ctx: NotifyContext): Promise<void> {
    const env = getEnv();
    if (!env.matrixHomeserver || !env.matrixAccessToken) throw new TransportError("Matrix notifications are not enabled");
    const room = readMatrixRoom(ctx.channel.config);
    const text = await buildPushMessage(ctx, { markup: "text", withOtherDownChecks: true });
    const html = await buildPushMessage(ctx, { markup: "html", withOtherDownChecks: true });
    // Matrix clients render formatted_body as HTML, where newlines do not break lines.
    const formatted = `<b>${escapeHtml(html.title)}</b><br>\n${html.message.replaceAll("\n", "<br>\n")}`;
    // The transaction id makes the homeserver drop a retried PUT it already accepted.
    const txn = randomUUID();
    await request({
      method: "PUT",
      url: `${env.matrixHomeserver}/_matrix/client/v3/rooms/${encodeURIComponent(room)}/send/m.room.message/${txn}`,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${env.matrixAccessToken}` },
      body: JSON.stringify({
        msgtype: "m.text",
        body: `${text.title}\n\n${text.message}`,
        format: "org.matrix.custom.html",
        formatted_body: formatted,
      }),
      retries: ctx.isTest ? 1 : 3,
      errorForStatus: (res) =>
        // 403: the bot was kicked or banned from the room, or never joined it.
        new TransportError(`Received status code ${res.status}`, { permanent: res.status === 403 }),
    });
  },
};
