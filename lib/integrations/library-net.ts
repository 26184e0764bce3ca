// Shared by the transports built on client libraries (@slack/webhook, discord.js, telegraf,
// twilio), which make their own HTTP requests: lib/net/address-policy.ts's rule applied as a
// DNS `lookup` hook on the agents those libraries use, so every connection they open (redirects
// included) goes only to addresses that were checked, plus the retry loop and the mapping of
// network errors to Healthchecks' messages that lib/http.ts applies to its own requests.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type net from "node:net";
import type { Agent as UndiciAgent } from "undici";
import { getEnv } from "../env";
import { parseUrl, resolveHost, retryTransport } from "../http";
import { hasForbiddenAddress, PRIVATE_IP_MESSAGE } from "../net/address-policy";
import { TransportError } from "../errors";
import type { NotifyContext } from "./transport";

const PRIVATE_IP_CODE = "EVIGILPRIVATEIP";

/** dns.lookup that fails with PRIVATE_IP_MESSAGE when any address is private (unless allowed). */
export const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { all: true, verbatim: true, family: options.family }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    if (addresses.length === 0) {
      return callback(Object.assign(new Error("Could not resolve host"), { code: "ENOTFOUND" }), "", 4);
    }
    if (hasForbiddenAddress(addresses)) {
      return callback(Object.assign(new Error(PRIVATE_IP_MESSAGE), { code: PRIVATE_IP_CODE }), "", 4);
    }
    if (options.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });
};

/** Node agents (axios, node-fetch) that connect only through guardedLookup; no pooling. */
export function guardedNodeAgent(protocol: string): http.Agent {
  return protocol === "http:" ? new http.Agent({ lookup: guardedLookup }) : new https.Agent({ lookup: guardedLookup });
}

/**
 * An undici dispatcher (discord.js, fetch-based clients) connecting through guardedLookup.
 * undici is loaded on first use, like the libraries that need it.
 */
export async function guardedDispatcher(): Promise<UndiciAgent> {
  const { Agent } = await import("undici");
  return new Agent({ connect: { lookup: guardedLookup }, pipelining: 0 });
}

/**
 * Resolves the host of `rawUrl` and refuses private addresses, with lib/http.ts's rule and
 * messages. Needed before handing a URL to a library: Node skips `lookup` for IP literals, so
 * guardedLookup alone would let http://127.0.0.1/ through; for host names the lookup hook then
 * re-checks at connect time (DNS rebinding).
 */
export async function checkTarget(rawUrl: string): Promise<void> {
  const url = parseUrl(rawUrl);
  if (getEnv().integrationsAllowPrivateIps) return;
  await resolveHost(url.hostname);
}

function* causes(err: unknown): Generator<Record<string, unknown>> {
  let cur: unknown = err;
  for (let depth = 0; cur && typeof cur === "object" && depth < 6; depth++) {
    yield cur as Record<string, unknown>;
    const rec = cur as Record<string, unknown>;
    cur = rec.cause ?? rec.original ?? (Array.isArray(rec.errors) ? rec.errors[0] : undefined);
  }
}

/**
 * Healthchecks' curl messages for a network-level error thrown by a library (walking `cause`
 * chains), or null if the error is not a network error.
 */
export function describeNetworkError(err: unknown): string | null {
  for (const e of causes(err)) {
    const code = typeof e.code === "string" ? e.code : "";
    const message = typeof e.message === "string" ? e.message : "";
    if (code === PRIVATE_IP_CODE || message === PRIVATE_IP_MESSAGE) return PRIVATE_IP_MESSAGE;
    if (/^(ETIMEDOUT|ECONNABORTED|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/.test(code)) {
      return "Connection timed out";
    }
    if (e.name === "TimeoutError" || e.name === "AbortError") return "Connection timed out";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "Could not resolve host";
    if (/^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|EADDRNOTAVAIL|UND_ERR_SOCKET|UND_ERR_CLOSED)$/.test(code)) {
      return "Connection failed";
    }
    if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL_)/.test(code)) return "TLS handshake failed";
    if (code.startsWith("ERR_INVALID_URL") || code === "ERR_INVALID_PROTOCOL") return "HTTP request failed: invalid URL";
  }
  return null;
}

/** lib/http.ts's retries for a library's `send`: up to 3 tries (1 for test sends). */
export async function withRetries<T>(
  ctx: Pick<NotifyContext, "isTest">,
  send: () => Promise<T>,
  toError: (err: unknown) => TransportError,
): Promise<T> {
  return retryTransport(ctx.isTest ? 1 : 3, send, toError);
}

/** The fallback mapping: a network message, else the library's own message. */
export function genericLibraryError(err: unknown): TransportError {
  const network = describeNetworkError(err);
  if (network) return new TransportError(network);
  return new TransportError(`HTTP request failed: ${err instanceof Error ? err.message : String(err)}`);
}
