import { IncomingMessage } from "node:http";
import { getPeerAddress } from "../auth/request-trust";
import { readBodyUpTo } from "../net/read-body";
import { isTrustedProxy } from "../net/trusted-proxies";

/**
 * Checks the front server makes on a request before Next sees it, for input Next answers with
 * a 500 or trusts too readily. Returns the refusal to send, or null to go on (the request's
 * headers may have been corrected).
 */
export interface Refusal {
  status: number;
  body: string;
}

/**
 * Request bodies handed to Next (forms, server actions, next-auth, the Telegram webhook) are
 * read whole by the route handlers; Healthchecks (Django) refuses bodies over 2.5 MB on every
 * page, and so does Vigil's API.
 */
export const MAX_WEB_BODY = 2_621_440;

const ROUTER_STATE_HEADER = "next-router-state-tree";

export function guardNextRequest(req: IncomingMessage, pathname: string, trustedProxies: readonly string[]): Refusal | null {
  // Next decodes route parameters with decodeURIComponent and answers 500 when that throws
  // (invalid UTF-8 such as /badge/x/y/%ff%fe.svg).
  if (pathname.includes("%") && !canDecode(pathname)) return { status: 400, body: "bad request: the path is not valid UTF-8" };

  const length = req.headers["content-length"];
  if (length !== undefined && Number(length) > MAX_WEB_BODY) return { status: 413, body: "request body too large" };
  // Without a length the size would only be known once read; browsers always send one.
  if (req.headers["transfer-encoding"] !== undefined && length === undefined) {
    return { status: 411, body: "a request body needs a Content-Length" };
  }

  const state = req.headers[ROUTER_STATE_HEADER];
  if (state !== undefined && !isValidRouterState(state)) delete req.headers[ROUTER_STATE_HEADER];

  trustForwardedFor(req, trustedProxies);
  return null;
}

/**
 * A server action called from JavaScript sends its arguments as JSON text (React's encodeReply),
 * or as multipart form data when they hold files or forms. Next answers 500 when that text is not
 * JSON (its reply decoder throws), so such a body is read here and refused with 400. A good body
 * is handed on in a replayed request, since the original's stream has now been read. The body's
 * size is already bounded: guardNextRequest refused it over MAX_WEB_BODY or without a length.
 * Returns the request for Next, or the refusal.
 */
export async function screenServerActionBody(req: IncomingMessage): Promise<IncomingMessage | Refusal> {
  if (req.method !== "POST" || req.headers["next-action"] === undefined) return req;
  if (/^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "")) return req;
  const body = await readBodyUpTo(req, MAX_WEB_BODY);
  if (!body) return { status: 413, body: "request body too large" };
  try {
    JSON.parse(body.toString("utf8"));
  } catch {
    return { status: 400, body: "bad request: the server action's arguments are not JSON" };
  }
  const replay = new IncomingMessage(req.socket);
  replay.method = req.method;
  replay.url = req.url;
  replay.headers = req.headers;
  replay.rawHeaders = req.rawHeaders;
  replay.httpVersion = req.httpVersion;
  replay.httpVersionMajor = req.httpVersionMajor;
  replay.httpVersionMinor = req.httpVersionMinor;
  replay.push(body);
  replay.push(null);
  // Read whole: destroying it later must not count as an aborted upload (which destroys the socket).
  replay.complete = true;
  return replay;
}

function canDecode(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * X-Forwarded-For is kept only when the connection comes from a trusted proxy (TRUSTED_PROXIES);
 * otherwise anyone could claim any address and slip past per-address sign-in limits. It is then
 * set to the connection's address, which is what Next itself would set were it absent.
 */
export function trustForwardedFor(req: IncomingMessage, trustedProxies: readonly string[]): void {
  const peer = getPeerAddress(req);
  if (peer !== null && isTrustedProxy(peer, trustedProxies)) return;
  if (peer === null) delete req.headers["x-forwarded-for"];
  else req.headers["x-forwarded-for"] = peer;
}

// Next's own check of the router-state header (its flightRouterStateSchema); a header Next
// cannot parse makes it answer 500, so such a header is dropped and the page rendered whole.
const DYNAMIC_PARAM_TYPES = new Set(["c", "ci(..)(..)", "ci(.)", "ci(..)", "ci(...)", "oc", "d", "di(..)(..)", "di(.)", "di(..)", "di(...)"]);
const REFETCH_MARKERS = new Set(["refetch", "inside-shared-layout", "metadata-only"]);
const MAX_ROUTER_STATE = 40_000;

export function isValidRouterState(header: string | string[]): boolean {
  if (typeof header !== "string" || header.length > MAX_ROUTER_STATE) return false;
  try {
    return isRouterStateTree(JSON.parse(decodeURIComponent(header)), 0);
  } catch {
    return false;
  }
}

const isString = (v: unknown): v is string => typeof v === "string";

function isSegment(v: unknown): boolean {
  if (isString(v)) return true;
  return (
    Array.isArray(v) &&
    v.length === 4 &&
    isString(v[0]) &&
    isString(v[1]) &&
    DYNAMIC_PARAM_TYPES.has(v[2] as string) &&
    (v[3] === null || (Array.isArray(v[3]) && v[3].every(isString)))
  );
}

function isRouterStateTree(v: unknown, depth: number): boolean {
  if (!Array.isArray(v) || v.length < 2 || v.length > 6 || depth > 1000) return false;
  const [segment, children, url, refetch, hint, extra] = v as unknown[];
  if (!isSegment(segment)) return false;
  if (typeof children !== "object" || children === null) return false;
  for (const child of Object.values(children)) if (!isRouterStateTree(child, depth + 1)) return false;
  if (url != null && !(Array.isArray(url) && url.length === 2 && url.every(isString))) return false;
  if (refetch != null && !REFETCH_MARKERS.has(refetch as string)) return false;
  if (hint != null && typeof hint !== "number") return false;
  return extra === undefined || isString(extra);
}
