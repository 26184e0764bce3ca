// The project- and service-wide endpoints: status/ for load balancers, metrics/ for uptime
// monitors of Vigil itself, and badges/, the project's badge URLs.
import { listBadgeTags } from "../badges/list-project-badges";
import { getDb } from "../db";
import { isMetricsKey } from "../metrics/operational-metrics";
import { getBadgeUrl } from "../projects/keys";
import { authorize, emptyResponse, jsonResponse, textResponse, type ApiContext } from "./protocol";

/** GET status/: "OK" once the database answers; a failing database surfaces as a 500. */
export async function getStatusHandler(_req: Request, _ctx: ApiContext): Promise<Response> {
  await getDb().$queryRaw`SELECT 1`;
  return textResponse("OK");
}

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

/**
 * GET badges/: the six badge URLs (svg/json/shields, 2- and 3-state) per tag, tags sorted, then
 * "*". At most MAX_BADGE_TAGS tags are listed, so a check with an enormous tags string cannot
 * make this request expensive. A Map keeps that order for tags such as "10" and "9", which a
 * plain object would list first, in numeric order.
 */
export async function listBadgesHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "read");
  const { tags } = await listBadgeTags(project.id);
  const badges = new Map<string, Record<string, string>>();
  for (const tag of [...tags.sort(), "*"]) {
    const url = (fmt: "svg" | "json" | "shields", withLate: boolean) => getBadgeUrl(project.badgeKey, tag, fmt, withLate);
    badges.set(tag, {
      svg: url("svg", false),
      svg3: url("svg", true),
      json: url("json", false),
      json3: url("json", true),
      shields: url("shields", false),
      shields3: url("shields", true),
    });
  }
  return jsonResponse({ badges });
}
