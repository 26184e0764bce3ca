// The one outgoing-HTTP seam for integrations, modelled on Healthchecks' hc/lib/curl.py and
// HttpTransport.request: http/https only, at most 3 redirects, a 30 s limit per try, up to 3
// immediate tries on non-permanent errors, and connections only to the addresses
// lib/net/address-policy.ts allows (globally routable ones, unless
// INTEGRATIONS_ALLOW_PRIVATE_IPS=True). Errors are TransportErrors with Healthchecks' messages.
//
// node:http rather than fetch: we resolve the host ourselves, check every address, and connect
// to exactly the addresses we checked (a custom `lookup`), so a DNS answer that changes between
// the check and the connect (rebinding) cannot reach an internal service. fetch also adds a
// Content-Type to string bodies, which Healthchecks' webhooks do not send.
import type { LookupAddress } from "node:dns";
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { TransportError } from "./errors";
import { hasForbiddenAddress, PRIVATE_IP_MESSAGE } from "./net/address-policy";

// Until the branches that still import these two from here are merged.

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer | null;
  /** Limit for one try, redirects included (Healthchecks: 30 s). */
  timeoutMs?: number;
  /** Total number of tries on non-permanent errors (Healthchecks: 3; test sends: 1). */
  retries?: number;
  /**
   * Turns a response whose status is not 200/201/202/204 into the error to throw; the default
   * is "Received status code N". Return a permanent error to stop retrying (e.g. Slack's 404).
   */
  errorForStatus?: (res: HttpResponse) => TransportError;
  /** Which statuses succeed (default 200/201/202/204). */
  isOkStatus?: (status: number) => boolean;
  /** Redirects to follow (default 3); with 0 a 3xx is answered like any other failing status. */
  maxRedirects?: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const OK_STATUSES = new Set([200, 201, 202, 204]);
const MAX_REDIRECTS = 3;
// Healthchecks stops retrying once 15 s have been spent, so a slow endpoint costs at most one
// extra try instead of three full timeouts.
const RETRY_BUDGET_MS = 15_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;
// Healthchecks sends "healthchecks.io"; receivers that filter on it need updating either way.
const USER_AGENT = "Vigil";

/**
 * Runs `send` up to `tries` times while it throws non-permanent errors, within the retry
 * budget; `toError` turns whatever else it throws into a TransportError. Throws the last error.
 */
export async function retryTransport<T>(
  tries: number,
  send: () => Promise<T>,
  toError: (err: unknown) => TransportError,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const error = err instanceof TransportError ? err : toError(err);
      if (error.permanent || attempt >= tries || Date.now() - started > RETRY_BUDGET_MS) throw error;
    }
  }
}

/** Sends the request, following redirects and retrying; throws TransportError. */
export async function request(req: HttpRequest): Promise<HttpResponse> {
  return retryTransport(
    Math.max(1, req.retries ?? 3),
    async () => {
      const res = await followRedirects(req, req.timeoutMs ?? 30_000);
      if (!(req.isOkStatus ? req.isOkStatus(res.status) : OK_STATUSES.has(res.status))) {
        throw req.errorForStatus?.(res) ?? new TransportError(`Received status code ${res.status}`);
      }
      return res;
    },
    (err) => new TransportError(describeError(err)),
  );
}

async function followRedirects(req: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
  const deadline = Date.now() + timeoutMs;
  let url = parseUrl(req.url);
  let method = req.method.toUpperCase();
  let body = req.body ?? null;
  const headers = { ...req.headers };
  for (let redirects = 0; ; redirects++) {
    const res = await send(url, method, headers, body, deadline);
    const location = res.headers.location;
    if (![301, 302, 303, 307, 308].includes(res.status) || !location) return res;
    if (req.maxRedirects === 0) return res;
    if (redirects >= (req.maxRedirects ?? MAX_REDIRECTS)) throw new TransportError("Too many redirects");
    const next = parseUrl(new URL(location, url).toString());
    // Like curl: 303 always, and 301/302 after a POST, continue as a body-less GET.
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
      method = "GET";
      body = null;
    }
    // Credentials are meant for the host the user configured, not wherever it redirects to.
    if (next.host !== url.host) {
      for (const name of Object.keys(headers)) {
        if (/^(authorization|cookie)$/i.test(name)) delete headers[name];
      }
    }
    url = next;
  }
}

/** `raw` as a URL; throws TransportError unless it is a valid http or https URL. */
export function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TransportError("HTTP request failed: invalid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TransportError(`HTTP request failed: unsupported protocol ${url.protocol.replace(":", "")}`);
  }
  return url;
}

/**
 * The host's addresses (by `deadline`, when given); throws TransportError if it does not
 * resolve or hasForbiddenAddress().
 */
export async function resolveHost(hostname: string, deadline?: number): Promise<LookupAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, "");
  let addresses: LookupAddress[];
  try {
    const lookup = dns.lookup(host, { all: true, verbatim: true });
    addresses = await (deadline === undefined ? lookup : withDeadline(lookup, deadline));
  } catch (err) {
    if (err instanceof TransportError) throw err;
    throw new TransportError("Could not resolve host");
  }
  if (addresses.length === 0) throw new TransportError("Could not resolve host");
  if (hasForbiddenAddress(addresses)) throw new TransportError(PRIVATE_IP_MESSAGE);
  return addresses;
}

async function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer | null,
  deadline: number,
): Promise<HttpResponse> {
  const addresses = await resolveHost(url.hostname, deadline);
  const payload = body === null ? null : Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const outHeaders: Record<string, string> = { ...headers };
  if (!Object.keys(outHeaders).some((h) => h.toLowerCase() === "user-agent")) outHeaders["User-Agent"] = USER_AGENT;
  if (payload) outHeaders["Content-Length"] = String(payload.length);

  // Connect only to the addresses checked above (see the header comment).
  const lookup: net.LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };

  return new Promise<HttpResponse>((resolvePromise, reject) => {
    let settled = false;
    const finish = (err: Error | null, res?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err instanceof TransportError ? err : new TransportError(describeError(err)));
      else resolvePromise(res!);
    };
    let req: http.ClientRequest;
    try {
      req = (url.protocol === "https:" ? https : http).request({
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method,
        headers: outHeaders,
        lookup,
        // A fresh connection per request: notifications are rare, and pooled sockets would
        // skip the address check above.
        agent: false,
      });
    } catch (err) {
      // Node validates header names and values synchronously.
      throw new TransportError(`HTTP request failed: ${(err as Error).message}`);
    }
    const timer = setTimeout(() => req.destroy(new TimeoutError()), Math.max(0, deadline - Date.now()));
    req.on("error", (err) => finish(err));
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
      });
      res.on("end", () => finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", (err) => finish(err));
    });
    req.end(payload ?? undefined);
  });
}

class TimeoutError extends Error {
  constructor() {
    super("timeout");
    this.name = "TimeoutError";
  }
}

async function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportError("Connection timed out")), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Healthchecks' curl error messages. */
function describeError(err: unknown): string {
  if (err instanceof TimeoutError) return "Connection timed out";
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string") {
    if (code === "ETIMEDOUT") return "Connection timed out";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "Could not resolve host";
    if (/^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|ECONNABORTED|EADDRNOTAVAIL)$/.test(code)) {
      return "Connection failed";
    }
    if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL_)/.test(code)) return "TLS handshake failed";
    return `HTTP request failed, code: ${code}`;
  }
  return `HTTP request failed: ${err instanceof Error ? err.message : String(err)}`;
}
