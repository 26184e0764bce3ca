import type { IncomingMessage, ServerResponse } from "node:http";
import { getEnv } from "../env";
import { getProjectMetrics } from "./get-project-metrics";

/**
 * Healthchecks' Prometheus routes with Django's uuid and slug converters:
 * /projects/<uuid>/metrics/<key>, the legacy /projects/<uuid>/checks/metrics/<key>, and
 * /projects/<uuid>/metrics/ with the key as a Bearer token (group 1 undefined).
 */
export const PROJECT_METRICS_PATH =
  /^\/projects\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(?:(?:checks\/)?metrics\/([-\w]+)|metrics\/)$/;

function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

/**
 * A project's Prometheus endpoint (§8.2). `key` is the read-only API key from the path, or
 * null for the Bearer form (Grafana Cloud refuses to scrape unauthenticated URLs). Answers
 * 404 when PROMETHEUS_ENABLED=False, 401 without a Bearer token, then getProjectMetrics()'s
 * 400/403/200. Served by the front server itself: scrapers call it often and it needs no Next.
 */
export async function handleProjectMetrics(req: IncomingMessage, res: ServerResponse, key: string | null): Promise<void> {
  if (!getEnv().prometheusEnabled) return sendText(res, 404, "not found");
  if (key === null) {
    const auth = req.headers.authorization ?? "";
    if (!auth.startsWith("Bearer ")) return sendText(res, 401, "missing Bearer token", { "WWW-Authenticate": "Bearer" });
    // Healthchecks uses lstrip("Bearer "), which also eats a key's leading B, e, a or r; only
    // the prefix and spaces are dropped here.
    key = auth.slice(7).replace(/^ +/, "");
  }
  const result = await getProjectMetrics(key);
  if (result.status !== 200) return sendText(res, result.status, result.body);
  // Exactly Healthchecks' content type (no charset); Prometheus reads it as the text format.
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end(result.body);
}
