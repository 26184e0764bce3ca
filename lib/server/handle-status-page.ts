// Public status pages, answered by the front server from the render cache: /status/<slug>[/…]
// on the site's host, and /[…] on a page's custom domain. A request costs a map lookup, an ETag
// comparison and a write of precompressed bytes. Pages open to members only are handed to Next
// (which knows the session) and come back through serveMembersStatusRequest.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { userActor } from "../auth/actor";
import { verifyPassword } from "../auth/credentials";
import { getSocketClientIp } from "../auth/request-trust";
import { requireProjectAccess } from "../auth/permissions";
import { getEnv } from "../env";
import { readBodyUpTo } from "../net/read-body";
import {
  getPasswordCookieName,
  getStatusPageCache,
  parseResource,
  type CachedBody,
  type DirectoryEntry,
  type Resource,
} from "../status-pages/page-cache";
import { consumeToken } from "../rate-limit/consume-token";
import { renderNotFoundPage, renderPasswordPage } from "../status-pages/render-page";
import { handleSubscriberRoute } from "../status-pages/subscriber-routes";

/** Status pages and their JSON may be cached briefly by browsers and proxies: a change shows within seconds. */
const PUBLIC_CACHE_CONTROL = "public, max-age=5";
/** Private pages: only the visitor's browser may keep a copy, and must ask again each time. */
const PRIVATE_CACHE_CONTROL = "private, no-cache";
const PASSWORD_COOKIE_MAX_AGE = 30 * 86_400;
const PASSWORD_ATTEMPTS_PER_HOUR = 20;

// The page has no script; its only outside resource is the logo (any https image).
const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STATUS_PATH = /^\/status\/([^/]+)(\/.*)?$/;

export type StatusRouteResult = "handled" | "not-mine" | "members";

function hostOf(req: IncomingMessage): string {
  const host = (req.headers.host ?? "").toLowerCase();
  // "[::1]:8000" keeps its brackets; "example.com:8000" loses the port.
  const end = host.startsWith("[") ? host.indexOf("]") + 1 : host.indexOf(":");
  return end > 0 ? host.slice(0, end) : host;
}

let siteHostCache: { root: string; host: string } | null = null;
function siteHost(): string {
  const root = getEnv().siteRoot;
  if (siteHostCache?.root !== root) siteHostCache = { root, host: new URL(root).hostname.toLowerCase() };
  return siteHostCache.host;
}

function isCorsResource(resource: Resource | null): boolean {
  return resource !== null && resource.kind !== "page" && resource.kind !== "history";
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function hasPasswordCookie(req: IncomingMessage, entry: DirectoryEntry): boolean {
  const given = cookieValue(req.headers.cookie, getPasswordCookieName(entry.code));
  if (!given || !entry.passwordCookie) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(entry.passwordCookie);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendHtml(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Security-Policy": HTML_CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    ...extra,
  });
  res.end(html);
}

function sendNotFound(req: IncomingMessage, res: ServerResponse, cors = false): void {
  if (cors || (req.url ?? "").includes("/api/v2/")) {
    res.writeHead(404, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" });
    return void res.end('{"error":"not found"}');
  }
  sendHtml(res, 404, renderNotFoundPage());
}

/** Picks the encoding the client accepts (br, then gzip) among those precomputed. */
function pickEncoding(req: IncomingMessage, body: CachedBody): "br" | "gzip" | null {
  const accept = req.headers["accept-encoding"];
  if (!accept || (!body.br && !body.gzip)) return null;
  const text = Array.isArray(accept) ? accept.join(",") : accept;
  // "q=0" refusals are rare enough from real clients to honour only for the exact tokens.
  if (body.br && /\bbr\b(?!;q=0(\.0*)?\b)/.test(text)) return "br";
  if (body.gzip && /\bgzip\b(?!;q=0(\.0*)?\b)/.test(text)) return "gzip";
  return null;
}

/** Writes a cached body: 304 when the client holds it, else the best encoding it accepts. */
export function sendCachedBody(
  req: IncomingMessage,
  res: ServerResponse,
  body: CachedBody,
  opts: { cors: boolean; privateCache: boolean; html: boolean },
): void {
  const encoding = pickEncoding(req, body);
  const etag = `"${body.hash}${encoding === "br" ? "-br" : encoding === "gzip" ? "-gz" : ""}"`;
  const headers: Record<string, string> = {
    "Content-Type": body.contentType,
    ETag: etag,
    "Cache-Control": opts.privateCache ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL,
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  };
  if (opts.cors) headers["Access-Control-Allow-Origin"] = "*";
  if (opts.html) {
    headers["Content-Security-Policy"] = HTML_CSP;
    headers["Referrer-Policy"] = "same-origin";
  }
  // If-None-Match compares weakly: any encoding of the same bytes is the same version.
  const inm = req.headers["if-none-match"];
  if (inm && (inm === "*" || inm.includes(body.hash))) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const bytes = encoding === "br" ? body.br! : encoding === "gzip" ? body.gzip! : body.body;
  if (encoding) headers["Content-Encoding"] = encoding;
  headers["Content-Length"] = String(bytes.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : bytes);
}

async function readForm(req: IncomingMessage, limit = 4096): Promise<URLSearchParams | null> {
  const body = await readBodyUpTo(req, limit);
  return body && new URLSearchParams(body.toString("utf8"));
}

/** The password form's POST: sets the page's cookie and goes back to the page, or shows the form again. */
async function handlePasswordPost(req: IncomingMessage, res: ServerResponse, entry: DirectoryEntry, basePath: string): Promise<void> {
  const form = await readForm(req);
  const action = basePath || "/";
  if (!form) {
    res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
    return void res.end("request body too large");
  }
  // Guessing is slowed per address and page; a right password is counted too, which costs nothing
  // since its cookie then spares the visitor further posts for 30 days.
  if (!(await consumeToken(`status-password:${entry.code}:${getSocketClientIp(req)}`, PASSWORD_ATTEMPTS_PER_HOUR, 3600))) {
    return sendHtml(res, 429, renderPasswordPage(entry.title, action, "Too many attempts. Please wait a while and try again."));
  }
  const password = form.get("password") ?? "";
  const ok = password.length > 0 && password.length <= 1000 && (await verifyPassword(password, entry.passwordHash));
  if (!ok) return sendHtml(res, 403, renderPasswordPage(entry.title, action, "Wrong password."));
  const secure = getEnv().siteRoot.startsWith("https://") ? "; Secure" : "";
  res.writeHead(303, {
    Location: action,
    "Set-Cookie": `${getPasswordCookieName(entry.code)}=${entry.passwordCookie}; Path=${action}; Max-Age=${PASSWORD_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure}`,
    "Cache-Control": "no-store",
  });
  res.end();
}

/** Serves a page's path once the page is known (slug or domain) and its base path decided. */
async function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  entry: DirectoryEntry,
  basePath: string,
  subpath: string,
  query: string,
  onCustomDomain: boolean,
): Promise<StatusRouteResult> {
  const resource = parseResource(subpath);
  const method = req.method ?? "GET";
  if (entry.access === "members") {
    // The session cookie belongs to the site's host: send custom-domain visitors there.
    if (onCustomDomain) {
      const target = `${getEnv().siteRoot.replace(/\/+$/, "")}/status/${encodeURIComponent(entry.slug)}${subpath === "/" ? "" : subpath}`;
      res.writeHead(302, { Location: target, "Cache-Control": "no-store" });
      res.end();
      return "handled";
    }
    return "members";
  }
  // Subscription links (confirm, unsubscribe) carry their own token; the form to subscribe
  // is behind the page's gate like the rest.
  if (!resource) {
    const gated = entry.access === "password" && !hasPasswordCookie(req, entry);
    if (!(gated && subpath.startsWith("/subscribe"))) {
      const page = { id: entry.id, code: entry.code, slug: entry.slug, title: entry.title };
      const baseUrl = onCustomDomain
        ? `${new URL(getEnv().siteRoot).protocol}//${hostOf(req)}`
        : `${getEnv().siteRoot.replace(/\/+$/, "")}/status/${encodeURIComponent(entry.slug)}`;
      if (await handleSubscriberRoute(req, res, { page, baseUrl, subpath, query })) return "handled";
    }
    sendNotFound(req, res);
    return "handled";
  }
  const cors = isCorsResource(resource);
  if (method === "OPTIONS" && cors) {
    res.writeHead(204, {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match",
      "Access-Control-Max-Age": "86400",
    });
    res.end();
    return "handled";
  }
  if (entry.access === "password" && !hasPasswordCookie(req, entry)) {
    if (method === "POST" && resource.kind === "page") {
      await handlePasswordPost(req, res, entry, basePath);
      return "handled";
    }
    if (resource.kind === "page" || resource.kind === "history") {
      sendHtml(res, 401, renderPasswordPage(entry.title, basePath || "/"));
    } else {
      res.writeHead(401, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" });
      res.end('{"error":"this status page is protected by a password"}');
    }
    return "handled";
  }
  if (method !== "GET" && method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    res.end("method not allowed");
    return "handled";
  }
  const body = await getStatusPageCache().getBody(entry, resource, basePath);
  if (!body) {
    sendNotFound(req, res, cors);
    return "handled";
  }
  sendCachedBody(req, res, body, { cors, privateCache: entry.access !== "public", html: resource.kind === "page" || resource.kind === "history" });
  return "handled";
}

/**
 * Answers the request when it is a status page's: a path under /status/ on any host, or any
 * path on a page's custom domain. "not-mine" leaves it to the rest of the front server;
 * "members" hands it to Next, which checks the session and calls serveMembersStatusRequest.
 */
export async function handleStatusPageRequest(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: string,
): Promise<StatusRouteResult> {
  const host = hostOf(req);
  const cache = getStatusPageCache();
  if (host && host !== siteHost()) {
    const entry = await cache.findByDomain(host);
    if (entry) return servePage(req, res, entry, "", pathname === "/" ? "" : pathname, query, true);
  }
  const match = STATUS_PATH.exec(pathname);
  if (!match) {
    if (pathname === "/status" || pathname === "/status/") {
      sendNotFound(req, res);
      return "handled";
    }
    return "not-mine";
  }
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    sendNotFound(req, res);
    return "handled";
  }
  const entry = await cache.findBySlug(slug);
  if (!entry) {
    sendNotFound(req, res);
    return "handled";
  }
  return servePage(req, res, entry, `/status/${encodeURIComponent(entry.slug)}`, match[2] ?? "", query, false);
}

/** Whether a request path is a status page's (the front server sends these here first). */
export function isStatusPath(pathname: string): boolean {
  return pathname === "/status" || pathname.startsWith("/status/");
}

/**
 * A members-only page's response, for the Next route that knows the signed-in user (null when
 * signed out: a redirect to sign in). Users who are not members of the page's project get the
 * same 404 as for a page that does not exist. Same bytes, same ETag as the front server's.
 */
export async function serveMembersStatusRequest(request: Request, userId: number | null): Promise<Response> {
  const url = new URL(request.url);
  const match = STATUS_PATH.exec(url.pathname);
  const notFound = () =>
    new Response(renderNotFoundPage(), { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
  if (!match) return notFound();
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]);
  } catch {
    return notFound();
  }
  const entry = await getStatusPageCache().findBySlug(slug);
  if (!entry || entry.access !== "members") return notFound();
  const subpath = match[2] ?? "";
  const resource = parseResource(subpath);
  if (!resource) return notFound();
  if (userId === null) {
    const next = url.pathname;
    if (resource.kind === "page" || resource.kind === "history") {
      return new Response(null, { status: 302, headers: { Location: `/accounts/login?${new URLSearchParams({ next })}`, "Cache-Control": "no-store" } });
    }
    return Response.json({ error: "sign in to see this status page" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  try {
    await requireProjectAccess(userActor(userId), entry.projectCode, "read");
  } catch {
    return notFound();
  }
  const body = await getStatusPageCache().getBody(entry, resource, `/status/${encodeURIComponent(entry.slug)}`);
  if (!body) return notFound();
  const html = resource.kind === "page" || resource.kind === "history";
  const headers: Record<string, string> = {
    "Content-Type": body.contentType,
    ETag: `"${body.hash}"`,
    "Cache-Control": PRIVATE_CACHE_CONTROL,
    "X-Content-Type-Options": "nosniff",
  };
  if (html) headers["Content-Security-Policy"] = HTML_CSP;
  const inm = request.headers.get("if-none-match");
  if (inm && inm.includes(body.hash)) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : new Uint8Array(body.body), { status: 200, headers });
}
