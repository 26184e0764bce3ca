// The one SMTP-out seam (alerts, login links, reports). Settings mirror Django's EMAIL_*:
// EMAIL_USE_SSL = implicit TLS, EMAIL_USE_TLS = STARTTLS required, neither = plain SMTP.
// Like Healthchecks, a send is tried 3 times with a 1 s pause when the connection drops or the
// server fails the DATA phase; a rejected recipient or bad credentials fail at once.
import nodemailer from "nodemailer";
import { getEnv } from "./env";

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /** Defaults to DEFAULT_FROM_EMAIL. */
  from?: string;
}

export class MailError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "MailError";
  }
}

const TRIES = 3;
const RETRY_PAUSE_MS = 1000;
// nodemailer's codes for a dropped/refused connection, a timeout and a failed DATA phase.
const RETRYABLE = new Set(["ECONNECTION", "ESOCKET", "ETIMEDOUT", "EMESSAGE", "EPROTOCOL"]);

/** Sends one message; throws MailError (with nodemailer's code) when it cannot. */
export async function sendMail(message: MailMessage): Promise<void> {
  const env = getEnv();
  const { host, port, user, password, useTls, useSsl } = env.email;
  if (!host) throw new MailError("Email is not configured (EMAIL_HOST is not set)", "ENOTCONFIGURED");
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: useSsl,
    requireTLS: useTls && !useSsl,
    ignoreTLS: !useTls && !useSsl,
    auth: user ? { user, pass: password } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await transport.sendMail({
          from: message.from ?? env.defaultFromEmail,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          // nodemailer would show message/rfc822 parts inline; these are files to open.
          attachments: message.attachments?.map((a) => ({ ...a, contentDisposition: "attachment" as const })),
        });
        return;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        const codeStr = typeof code === "string" ? code : undefined;
        if (attempt >= TRIES || !codeStr || !RETRYABLE.has(codeStr)) {
          throw new MailError(err instanceof Error ? err.message : String(err), codeStr);
        }
        await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
      }
    }
  } finally {
    transport.close();
  }
}
