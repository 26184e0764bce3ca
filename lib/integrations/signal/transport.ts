// Signal integration (Healthchecks' Signal transport): a JSON-RPC "send" to a signal-cli daemon
// (`signal-cli daemon --socket` or `--tcp`) at SIGNAL_CLI_SOCKET, with the message as plain text
// and its bold parts as textStyle ranges. A RATE_LIMIT_FAILURE with a challenge token mails the
// ADMINS how to submit a CAPTCHA and the project owner the alert itself.
import { randomUUID } from "node:crypto";
import net from "node:net";
import type { Channel, Flip } from "../../db";
import { getEnv } from "../../env";
import { escapeHtml } from "../../format";
import { consumeToken } from "../../rate-limit/consume-token";
import { isUpDownNoop, readUpDownConfig } from "../config";
import { buildPushMessage } from "../push-message";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";
import { sendSignalCaptchaAlert, sendSignalRateLimitedNotice } from "./captcha";
import { getFlipDirection } from "../message";

/** signal-cli's recipient: a phone number as is, a username prefixed with "u:". */
export function getSignalRecipient(value: string): string {
  return value.startsWith("+") ? value : `u:${value}`;
}

const TIMEOUT_MS = 10_000;
// Healthchecks tries Signal twice.
const TRIES = 2;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'" };

/**
 * Turns the HTML of buildPushMessage into Signal's plain text plus "start:length:BOLD" ranges.
 * Offsets count UTF-16 code units, as signal-cli (Java) does, which is JavaScript's length.
 */
export function toSignalText(html: string): { message: string; textStyle: string[] } {
  let message = "";
  const textStyle: string[] = [];
  let boldStart = -1;
  for (const [token] of html.matchAll(/<\/?b>|[^<]+|</g)) {
    if (token === "<b>") boldStart = message.length;
    else if (token === "</b>") {
      if (boldStart >= 0 && message.length > boldStart) textStyle.push(`${boldStart}:${message.length - boldStart}:BOLD`);
      boldStart = -1;
    } else message += token.replace(/&(amp|lt|gt|quot|#x27);/g, (e) => ENTITIES[e] ?? e);
  }
  return { message, textStyle };
}

/** Where SIGNAL_CLI_SOCKET points: host:port for TCP, anything else is a UNIX socket path. */
function getSocketOptions(socket: string): net.NetConnectOpts {
  const m = /^(.+):(\d{1,5})$/.exec(socket);
  return m && !socket.includes("/") ? { host: m[1].replace(/^\[|\]$/g, ""), port: Number(m[2]) } : { path: socket };
}

interface SendResult {
  type?: string;
  /** With RATE_LIMIT_FAILURE: the challenge a solved CAPTCHA must be submitted for. */
  token?: string;
}

interface RpcReply {
  id?: unknown;
  result?: { results?: SendResult[] };
  error?: { code?: number; message?: string; data?: { response?: { results?: SendResult[] } } };
}

/** Sends one JSON-RPC request and resolves with the reply of the same id (other lines are daemon notifications). */
function callSignalCli(socket: string, payload: { id: string } & Record<string, unknown>): Promise<RpcReply> {
  return new Promise((resolve, reject) => {
    const conn = net.connect(getSocketOptions(socket));
    let buffer = "";
    const fail = (message: string) => {
      conn.destroy();
      reject(new TransportError(message));
    };
    conn.setTimeout(TIMEOUT_MS, () => fail("signal-cli call timed out"));
    conn.on("error", (err) => fail(`signal-cli call failed (${err.message})`));
    conn.on("connect", () => conn.write(JSON.stringify(payload) + "\n"));
    conn.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (!line) continue;
        let reply: RpcReply;
        try {
          reply = JSON.parse(line) as RpcReply;
        } catch {
          return fail("signal-cli returned invalid JSON");
        }
        if (reply.id === payload.id) {
          conn.end();
          return resolve(reply);
        }
      }
    });
    conn.on("end", () => fail("signal-cli closed the connection without a reply"));
  });
}

function isSkipped(channel: Channel, flip: Flip): boolean {
  return isUpDownNoop(readUpDownConfig(channel.config), getFlipDirection(flip));
}

export const signalTransport: Transport = {
  kind: "signal",

  isNoop: isSkipped,

  async notify(ctx: NotifyContext): Promise<void> {
    const socket = getEnv().signalCliSocket;
    if (!socket) throw new TransportError("Signal notifications are not enabled");
    const { value } = readUpDownConfig(ctx.channel.config);
    const recipient = getSignalRecipient(value);
    // At most 6 messages a minute per recipient, as in Healthchecks, so a flapping check cannot
    // get the sending number rate-limited by Signal.
    if (!(await consumeToken(`signal-${recipient}`, 6, 60))) throw new TransportError("Rate limit exceeded");
    const { title, message } = await buildPushMessage(ctx, { markup: "html", withOtherDownChecks: true });
    const html = `<b>${escapeHtml(title)}</b>\n\n${message}`;
    const text = toSignalText(html);
    const tries = ctx.isTest ? 1 : TRIES;
    for (let attempt = 1; ; attempt++) {
      const payload = { jsonrpc: "2.0", method: "send", params: { recipient: [recipient], message: text.message, textStyle: text.textStyle }, id: randomUUID() };
      let reply: RpcReply;
      try {
        reply = await callSignalCli(socket, payload);
      } catch (err) {
        if (!(err instanceof TransportError) || attempt >= tries) throw err;
        continue;
      }
      const results = [...(reply.result?.results ?? []), ...(reply.error?.data?.response?.results ?? [])];
      if (results.some((r) => r.type === "UNREGISTERED_FAILURE")) throw new TransportError("Recipient not found", { permanent: true });
      const challenge = results.find((r) => r.type === "RATE_LIMIT_FAILURE" && typeof r.token === "string" && r.token)?.token;
      if (challenge) {
        // Retrying cannot help until an admin submits a solved CAPTCHA, and the recipient is
        // fine, so the channel stays enabled; the owner gets the alert by email meanwhile.
        await sendSignalCaptchaAlert(challenge, JSON.stringify(reply));
        await sendSignalRateLimitedNotice(ctx.check.project.ownerId, value, { plaintext: text.message, html });
        throw new TransportError("CAPTCHA proof required");
      }
      if (!reply.error) return;
      if (attempt >= tries) throw new TransportError(`signal-cli call failed (${reply.error.code ?? "unknown"})`);
    }
  },
};
