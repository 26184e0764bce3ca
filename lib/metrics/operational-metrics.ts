// GET /metrics: this process's operational metrics (lib/metrics/registry.ts) for Prometheus,
// behind METRICS_KEY. The front server routes it here; processes without a front server
// (`vigil sendalerts`, `vigil smtpd`) start the bare server below on METRICS_PORT.
import { createHash, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { getEnv } from "../env";
import { listenHttp, type ListeningServer } from "../net/listen-http";
import { getMetricsRegistry } from "./registry";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Whether `given` is METRICS_KEY, compared in constant time (digests first, so the lengths
 * match and the key's length does not leak either). False while METRICS_KEY is unset.
 */
export function isMetricsKey(given: string): boolean {
  const { metricsKey } = getEnv();
  return metricsKey !== "" && timingSafeEqual(digest(given), digest(metricsKey));
}

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

export type MetricsServer = ListeningServer;

/**
 * A bare HTTP server answering only GET /metrics (METRICS_PORT), for processes that have no
 * front server: `vigil sendalerts` and `vigil smtpd` run alone. Same auth as the front server's.
 */
export async function startMetricsServer(opts: { port: number; host: string }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    if ((q === -1 ? url : url.slice(0, q)) !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found");
      return;
    }
    handleMetricsRequest(req, res).catch((err: unknown) => {
      console.error("metrics failed:", err);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("internal error");
    });
  });
  return listenHttp(server, opts.port, opts.host);
}
