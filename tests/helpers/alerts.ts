// Loopback stand-ins and row builders for the sendalerts and integration tests: an HTTP server
// that records requests, an SMTP sink that parses what lib/mail.ts sends, and channel/flip rows.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach } from "vitest";
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

const respondOk: HttpSink["respond"] = (_req, res) => res.end("OK");

export async function startHttpSink(): Promise<HttpSink> {
  const sink = createHttpSink();
  await sink.listen();
  return sink;
}

/**
 * Registers hooks that start a sink for the suite and close it afterwards, and that empty it and
 * restore the default answer before each test. Call inside forEachDatabase or a describe.
 */
export function useHttpSink(): HttpSink {
  const sink = createHttpSink();
  beforeAll(() => sink.listen());
  afterAll(() => sink.close());
  beforeEach(() => {
    sink.requests.length = 0;
    sink.respond = respondOk;
  });
  return sink;
}

/** A sink whose url is set once listen() has resolved. */
function createHttpSink(): HttpSink & { listen(): Promise<void> } {
  const waiters: (() => void)[] = [];
  const sink: HttpSink & { listen(): Promise<void> } = {
    url: "",
    requests: [],
    respond: respondOk,
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
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
  const sink = createSmtpSink();
  await sink.listen();
  return sink;
}

/**
 * Registers hooks that start a sink for the suite and close it afterwards, and that empty it
 * before each test. Call at the top of a file, inside forEachDatabase or in a describe.
 */
export function useSmtpSink(): SmtpSink {
  const sink = createSmtpSink();
  beforeAll(() => sink.listen());
  afterAll(() => sink.close());
  beforeEach(() => {
    sink.messages.length = 0;
    sink.raw.length = 0;
  });
  return sink;
}

/** A sink whose port is set once listen() has resolved. */
function createSmtpSink(): SmtpSink & { listen(): Promise<void> } {
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
  const sink: SmtpSink & { listen(): Promise<void> } = {
    port: 0,
    messages,
    raw,
    async waitForMessages(n, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`got ${messages.length} of ${n} messages`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      sink.port = (server.server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return sink;
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
