import type { IncomingMessage, ServerResponse } from "node:http";
import { getEnv } from "../env";
import { isMetricsKey } from "./is-metrics-key";
import { getMetricsRegistry } from "./registry";

function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(body);
}

/** The key from `Authorization: Bearer <key>`, else from `X-Metrics-Key` (Healthchecks' header). */
function getGivenKey(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
  const header = req.headers["x-metrics-key"];
  return typeof header === "string" ? header : null;
}

/**
 * GET /metrics: this process's operational metrics in Prometheus' text format. 404 while
 * METRICS_KEY is unset (the endpoint does not exist), 401 without a key, 403 with a wrong one.
 */
export async function handleMetricsRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (getEnv().metricsKey === "") return sendText(res, 404, "not found");
  const given = getGivenKey(req);
  if (given === null) {
    return sendText(res, 401, "send METRICS_KEY as Authorization: Bearer <key> or X-Metrics-Key: <key>", {
      "WWW-Authenticate": 'Bearer realm="metrics"',
    });
  }
  if (!isMetricsKey(given)) return sendText(res, 403, "wrong metrics key");
  const registry = getMetricsRegistry();
  const body = await registry.metrics();
  res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
  res.end(body);
}
