// The email ping listener (Healthchecks' `manage.py smtpd`): accepts mail for
// <uuid>@PING_EMAIL_DOMAIN and <ping_key>+<slug>@PING_EMAIL_DOMAIN and records one ping per
// recipient. Classification by the check's email filters happens in recordPing.
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { getEnv } from "../env";
import { recordPing } from "../pings/record-ping";
import type { PingTarget } from "../pings/types";
import { getEmailText, parseRecipient } from "./message";

/** Larger messages are answered 552 and not recorded (the whole message is stored per ping). */
export const MAX_MESSAGE_SIZE = 10 * 1024 * 1024;

export interface PingSmtpServerOptions {
  /** One line per processed recipient and per error; defaults to the console. */
  log?: (line: string) => void;
}

function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}

function toTarget(address: string, domain: string): PingTarget | null {
  const r = parseRecipient(address, domain);
  if ("code" in r) return { code: r.code };
  if ("pingKey" in r) return { pingKey: r.pingKey, slug: r.slug, create: false };
  return null;
}

/**
 * A plain SMTP listener (no AUTH, no STARTTLS, like Healthchecks). RCPT TO is refused with
 * 550 for another domain or a malformed mailbox; DATA is answered 250 even when no check
 * matches, so senders learn nothing about which checks exist. A database failure answers
 * 451 so the sending MTA retries instead of the ping being lost.
 */
export function createPingSmtpServer(options: PingSmtpServerOptions = {}): SMTPServer {
  const log = options.log ?? ((line: string) => console.log(line));
  const { pingEmailDomain, siteName } = getEnv();

  async function processMessage(raw: Buffer, session: SMTPServerSession): Promise<void> {
    const receivedAt = Date.now();
    const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
    let email: { subject: string; text: string };
    try {
      email = await getEmailText(raw);
    } catch (err) {
      // Still a ping: a check without email filters does not need the text at all.
      log(`Could not parse message from ${mailFrom}: ${(err as Error).message}`);
      email = { subject: "", text: "" };
    }
    // One at a time, as Healthchecks does, so the log reads in recipient order.
    for (const rcpt of session.envelope.rcptTo) {
      const target = toTarget(rcpt.address, pingEmailDomain);
      if (!target) continue; // refused at RCPT time; cannot happen
      const result = await recordPing({
        target,
        action: "success",
        exitStatus: null,
        rid: null,
        scheme: "email",
        // The SMTP peer, as the socket reports it (IPv4-mapped IPv6 kept, like the HTTP path).
        remoteAddr: session.remoteAddress || null,
        method: "",
        ua: `Email from ${mailFrom}`,
        body: raw,
        email,
        receivedAt,
      });
      if (result.status === 404) log(`Check not found: ${rcpt.address}`);
      else if (result.status === 409) log(`Ambiguous slug: ${rcpt.address}`);
      else if (result.status === 503) throw smtpError(451, "4.3.2 Try again later");
      else log(`Processed ping for ${rcpt.address}`);
    }
  }

  function onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void): void {
    const chunks: Uint8Array[] = [];
    stream.on("data", (chunk: Uint8Array) => {
      // Past the limit the message is refused anyway (rejectOversized): stop buffering it.
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on("end", () => {
      if (stream.sizeExceeded) return callback(null); // smtp-server answers 552
      processMessage(Buffer.concat(chunks), session).then(
        () => callback(null, "OK"),
        (err: Error & { responseCode?: number }) => {
          if (err.responseCode) return callback(err);
          log(`Error recording email ping: ${err.stack ?? err.message}`);
          callback(smtpError(451, "4.3.0 Local error in processing"));
        },
      );
    });
  }

  const server = new SMTPServer({
    banner: `${siteName} ping listener`,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    // Only the IP is recorded; a reverse lookup would cost a DNS round trip per connection.
    disableReverseLookup: true,
    size: MAX_MESSAGE_SIZE,
    rejectOversized: true,
    // On close, idle sessions get 421 after 5 s instead of 30 s, well inside `docker stop`'s 10 s.
    closeTimeout: 5_000,
    onRcptTo(address, _session, callback) {
      const r = parseRecipient(address.address, pingEmailDomain);
      if ("error" in r) {
        // smtp-server prefixes no enhanced code (ENHANCEDSTATUSCODES is off), so add Healthchecks'.
        return callback(smtpError(550, r.error === "domain" ? "5.1.1 Recipient rejected" : "5.1.1 Invalid mailbox"));
      }
      callback();
    },
    onData,
  });
  // Client socket errors (resets, timeouts) surface here; without a listener they would crash
  // the process.
  server.on("error", (err) => log(`SMTP error: ${err.message}`));
  return server;
}

/**
 * Starts the listener; resolves once it accepts connections. `port: 0` picks a free port,
 * reported in the result. `close()` stops accepting and waits for open sessions to end.
 */
export function startSmtpd(
  { port, host }: { port: number; host: string },
  options: PingSmtpServerOptions = {},
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createPingSmtpServer(options);
  return new Promise((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => {
      server.server.off("error", reject);
      const address = server.server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
