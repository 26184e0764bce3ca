import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { performance } from "node:perf_hooks";
import { getPeerAddress } from "../auth/request-trust";
import { getEnv } from "../env";
import { incrementTally, tallies } from "../metrics/tallies";
import { recordPing } from "../pings/record-ping";
import type { PingInput, PingResult } from "../pings/types";
import { createThrottledLog } from "../throttled-log";
import { parsePingPath } from "./parse-ping-url";

const RID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND: PingResult = { status: 404, body: "not found" };
const FAILED: PingResult = { status: 503, body: "busy" };
const logPingError = createThrottledLog("ping error");

let headers: Record<string, string> = {};
let headersFor: unknown;

function responseHeaders(): Record<string, string> {
  const env = getEnv();
  if (headersFor === env) return headers;
  const { pingBodyLimit } = env;
  headersFor = env;
  headers = {
    "Content-Type": "text/plain; charset=utf-8",
    "Access-Control-Allow-Origin": "*",
    // Django's never_cache.
    "Cache-Control": "max-age=0, no-cache, no-store, must-revalidate, private",
  };
  if (pingBodyLimit !== null) headers["Ping-Body-Limit"] = String(pingBodyLimit);
  return headers;
}

/** Healthchecks: first X-Forwarded-For element, else the peer; "a.b.c.d:port" loses the port. */
export function getRemoteAddr(req: IncomingMessage): string | null {
  const xff = req.headers["x-forwarded-for"];
  let addr = typeof xff === "string" && xff ? xff.split(",")[0].trim() : null;
  if (addr === null) addr = getPeerAddress(req);
  if (addr && !isIP(addr)) {
    const m = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(addr);
    addr = m ? m[1] : null;
  }
  return addr;
}

/** Reads the body, keeping at most `limit` bytes (null = all) and discarding the rest. */
function readBody(req: IncomingMessage, limit: number | null): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (limit !== null && size >= limit) return;
      const keep = limit === null ? chunk : chunk.subarray(0, limit - size);
      chunks.push(keep);
      size += keep.length;
    });
    req.on("end", () => resolve(size === 0 ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Answers and records the handling time (`started`: performance.now() on arrival). */
function send(res: ServerResponse, result: PingResult, started: number): void {
  res.writeHead(result.status, responseHeaders());
  res.end(result.body);
  tallies.pingDuration.observe((performance.now() - started) / 1000);
}

/**
 * The whole HTTP ping endpoint: parse, record, answer. `path` is what follows `/ping/` (or `/`
 * for the hosted form). Answers only after the ping is committed, never waits on delivery.
 */
export async function handlePing(req: IncomingMessage, res: ServerResponse, path: string, query: string, allowSlug: boolean): Promise<void> {
  const started = performance.now();
  const parsed = parsePingPath(path, allowSlug);
  const body = await readBody(req, getEnv().pingBodyLimit);
  if (!parsed) {
    incrementTally(tallies.pingsRejected, NOT_FOUND.status);
    return send(res, NOT_FOUND, started);
  }

  const params = query ? new URLSearchParams(query) : null;
  const rid = params?.get("rid") ?? null;
  if ("pingKey" in parsed.target && params?.get("create") === "1") parsed.target.create = true;
  const proto = req.headers["x-forwarded-proto"];
  const input: PingInput = {
    target: parsed.target,
    action: parsed.action,
    exitStatus: parsed.exitStatus,
    rid: rid !== null && RID.test(rid) ? rid.toLowerCase() : null,
    invalidRid: rid !== null && !RID.test(rid),
    scheme: typeof proto === "string" && proto ? proto.slice(0, 10) : "http",
    remoteAddr: getRemoteAddr(req),
    method: req.method ?? "GET",
    ua: req.headers["user-agent"] ?? "",
    body,
    receivedAt: Date.now(),
  };
  let result: PingResult;
  try {
    result = await recordPing(input);
  } catch (err) {
    // The database failed: answer briefly, never with a stack trace, and log the first failure
    // of an outage in full and the rest as a count.
    logPingError(err);
    result = FAILED;
  }
  send(res, result, started);
}
