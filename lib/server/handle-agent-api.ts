// The remote agents' endpoints (lib/agents/protocol-v1.ts), answered by the front server: an
// agent polls every few seconds and posts batches, and none of it needs Next. Glue only:
// authenticate, note the heartbeat, call the verb, answer JSON. Every refusal is {"error"} with
// its status; a body that is not a batch is 400, never a 500.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getSocketClientIp } from "../auth/request-trust";
import { getAgentAssignment } from "../agents/get-assignment";
import { AGENT_API_PREFIX, AGENT_MAX_BODY_BYTES, AGENT_TIME_HEADER, AGENT_VERSION_HEADER } from "../agents/protocol-v1";
import { authenticateAgent } from "../agents/queries";
import { measureClockSkew, recordAgentHeartbeat } from "../agents/record-agent-heartbeat";
import { readBearerToken } from "../agents/tokens";
import { AppError } from "../errors";
import { readBodyUpTo } from "../net/read-body";
import { recordAgentResults } from "../pings/record-agent-results";

export function isAgentApiPath(pathname: string): boolean {
  return pathname.startsWith(AGENT_API_PREFIX);
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store", ...extra });
  res.end(JSON.stringify(body));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The body as JSON; AppError 413 past AGENT_MAX_BODY_BYTES (read no further), 400 when not JSON. */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBodyUpTo(req, AGENT_MAX_BODY_BYTES);
  if (!body) throw new AppError("payload_too_large", `request body over ${AGENT_MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new AppError("bad_request", "the body is not JSON");
  }
}

async function route(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const endpoint = pathname.slice(AGENT_API_PREFIX.length);
  const method = req.method ?? "GET";
  if (endpoint !== "assignment" && endpoint !== "results") throw new AppError("not_found", "not found");
  if ((endpoint === "assignment" && method !== "GET") || (endpoint === "results" && method !== "POST")) {
    throw new AppError("method_not_allowed", "method not allowed");
  }
  const agent = await authenticateAgent(readBearerToken(header(req, "authorization")));
  const now = new Date();
  const clockSkewMs = measureClockSkew(header(req, AGENT_TIME_HEADER), now);
  await recordAgentHeartbeat({
    agent,
    version: header(req, AGENT_VERSION_HEADER) ?? "",
    address: getSocketClientIp(req),
    clockSkewMs,
    now,
  });
  const actor = { type: "agent", agentId: agent.id } as const;
  if (endpoint === "assignment") return sendJson(res, 200, await getAgentAssignment({ actor, now }));
  const batch = await readJsonBody(req);
  sendJson(res, 200, await recordAgentResults({ actor, batch, clockSkewMs, receivedAt: now }));
}

/** Answers a request under /api/agent/v1/. */
export async function handleAgentApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  try {
    await route(req, res, pathname);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // A body refused unread: close rather than read the rest to keep the connection.
    const extra: Record<string, string> = err.code === "payload_too_large" ? { Connection: "close" } : {};
    if (err.code === "method_not_allowed") extra.Allow = pathname.endsWith("/results") ? "POST" : "GET";
    if (err.code === "unavailable") extra["Retry-After"] = "10";
    sendJson(res, err.status, { error: err.message }, extra);
  }
}
