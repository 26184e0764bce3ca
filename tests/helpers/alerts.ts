// Loopback stand-ins and row builders for the sendalerts and integration tests: an HTTP server
// that records requests, an SMTP sink that parses what lib/mail.ts sends, and channel/flip rows.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { getDb, type Channel, type Flip } from "../../lib/db";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  receivedAt: number;
}

export interface HttpSink {
  url: string;
  requests: RecordedRequest[];
  /** Decides the response per request (default 200 "OK"). */
  respond: (req: RecordedRequest, res: http.ServerResponse) => void;
  /** Resolves once `n` requests have arrived. */
  waitForRequests(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHttpSink(): Promise<HttpSink> {
  const waiters: (() => void)[] = [];
  const sink: HttpSink = {
    url: "",
    requests: [],
    respond: (_req, res) => res.end("OK"),
    waitForRequests(n, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (sink.requests.length < n) {
            waiters.push(check);
            return;
          }
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => reject(new Error(`got ${sink.requests.length} of ${n} requests`)), timeoutMs);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks), receivedAt: Date.now() };
      sink.requests.push(recorded);
      sink.respond(recorded, res);
      for (const w of waiters.splice(0)) w();
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return sink;
}

export interface SmtpSink {
  port: number;
  messages: ParsedMail[];
  /** The messages as received, for what mailparser hides (it inlines message/rfc822 parts). */
  raw: Buffer[];
  waitForMessages(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const raw: Buffer[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const source = Buffer.concat(chunks);
        simpleParser(source).then(
          (parsed) => {
            raw.push(source);
            messages.push(parsed);
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    raw,
    async waitForMessages(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`got ${messages.length} of ${n} messages`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function createChannel(
  projectId: number,
  kind: string,
  config: unknown,
  checkIds: number[],
  data: Partial<Channel> = {},
): Promise<Channel> {
  const db = getDb();
  const channel = await db.channel.create({
    data: { code: randomUUID(), projectId, kind, config: JSON.stringify(config), ...data },
  });
  for (const checkId of checkIds) await db.channelCheck.create({ data: { channelId: channel.id, checkId } });
  return channel;
}

export function webhookConfig(urlDown: string, urlUp = "", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    method_down: "GET", url_down: urlDown, body_down: "", headers_down: {},
    method_up: "GET", url_up: urlUp, body_up: "", headers_up: {},
    ...extra,
  };
}

export async function createFlip(checkId: number, data: Partial<Flip> = {}): Promise<Flip> {
  return getDb().flip.create({
    data: { checkId, createdAt: new Date(), oldStatus: "up", newStatus: "down", reason: "", ...data },
  });
}
