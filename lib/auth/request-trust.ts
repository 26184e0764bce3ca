// What a request can be believed about: the client's address (for rate limits), whether a POST
// came from one of our own pages, and where a sign-in may send the browser afterwards.
import type { IncomingMessage } from "node:http";
import { getEnv } from "../env";
import { isTrustedProxy } from "../net/trusted-proxies";

type HeaderSource = { get(name: string): string | null };

/**
 * The client address rate limits count by. The front server hands the web app an
 * X-Forwarded-For whose last entry is the socket's peer; entries are read from the right and
 * skipped while they are TRUSTED_PROXIES, so a client can only prepend entries nobody reads.
 * With no trusted proxies, that is the socket's peer. X-Real-IP is never believed: a client
 * sets it as easily. "unknown" when there is nothing to go by.
 */
export function getClientIp(headers: HeaderSource): string {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const proxies = getEnv().trustedProxies;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (i === 0 || !isTrustedProxy(entries[i], proxies)) return entries[i];
  }
  return "unknown";
}

/** The socket's address, without the "::ffff:" prefix Node gives IPv4 peers on a dual-stack socket. */
export function getPeerAddress(req: IncomingMessage): string | null {
  const addr = req.socket.remoteAddress;
  if (!addr) return null;
  return addr.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

/** getClientIp for a request the front server answers itself: the socket's peer is the last entry. */
export function getSocketClientIp(req: IncomingMessage): string {
  const peer = getPeerAddress(req) ?? "unknown";
  const xff = req.headers["x-forwarded-for"];
  const forwarded = typeof xff === "string" && xff ? `${xff}, ${peer}` : peer;
  return getClientIp({ get: (name) => (name === "x-forwarded-for" ? forwarded : null) });
}

/**
 * Whether a browser request came from a page of this site: its Origin header (sent with every
 * cross-site POST) names the host the request was sent to. Requests without Origin pass.
 * The same test Next.js applies to server actions.
 */
export function isSameOrigin(headers: HeaderSource): boolean {
  const origin = headers.get("origin");
  if (!origin) return true;
  if (!URL.canParse(origin)) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return new URL(origin).host === host;
}

/**
 * `next` if it is a path on this site ("/projects/..."), else null: sign-in redirects must
 * never lead to another origin ("//evil.example", "/\\evil.example", "https://...").
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/[\u0000-\u001f]/.test(next)) return null;
  return next;
}
