import { getDb } from "../../db";
import { isMetricsKey } from "../../metrics/operational-metrics";
import { emptyResponse, jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/**
 * GET metrics/ (Healthchecks' service metrics for uptime monitors): the X-Metrics-Key header
 * must equal METRICS_KEY, else an empty 403 (also while it is unset). Vigil's pings have no
 * global id (their key is check + n), so max_ping_id is the number of pings the existing
 * checks have received: like Healthchecks' value it grows with every ping.
 */
export async function getMetricsHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  if (!isMetricsKey(req.headers.get("X-Metrics-Key") ?? "")) return emptyResponse(403);
  const db = getDb();
  const [pings, notification, unprocessed] = await Promise.all([
    db.check.aggregate({ _sum: { nPings: true } }),
    db.notification.findFirst({ orderBy: { id: "desc" }, select: { id: true } }),
    // Served by the flips.processed_at index.
    db.flip.count({ where: { processedAt: null } }),
  ]);
  const response = jsonResponse({
    ts: Math.floor(Date.now() / 1000),
    max_ping_id: pings._sum.nPings || null,
    max_notification_id: notification?.id ?? null,
    num_unprocessed_flips: unprocessed,
  });
  // Django's never_cache.
  response.headers.set("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private");
  return response;
}
