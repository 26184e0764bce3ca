// The management API's routes (Healthchecks' hc/api/urls.py), served straight from the front
// server without the Next.js pipeline. Every route answers with and without the trailing
// slash, because Healthchecks' own paths mix both styles and clients copy them either way.
import { listAppliedHandler, saveAppliedHandler } from "./applied";
import { createChannelHandler, deleteChannelHandler, getChannelHandler, listChannelsHandler, notificationStatusHandler, updateChannelHandler } from "./channels";
import {
  createCheckHandler,
  deleteCheckHandler,
  getCheckByUniqueKeyHandler,
  getCheckHandler,
  listChecksHandler,
  pauseCheckHandler,
  resumeCheckHandler,
  updateCheckHandler,
} from "./checks";
import { getDowntimeHandler, getPingBodyHandler, listFlipsHandler, listPingsHandler } from "./history";
import { listResultsHandler, runProbeHandler } from "./probes";
import { withApi, type ApiHandler, type ApiVersion } from "./protocol";
import { getMetricsHandler, getStatusHandler, listBadgesHandler } from "./service";
import {
  createIncidentHandler,
  createIncidentUpdateHandler,
  createMaintenanceHandler,
  createStatusPageHandler,
  deleteIncidentHandler,
  deleteMaintenanceHandler,
  deleteStatusPageHandler,
  getIncidentHandler,
  getMaintenanceHandler,
  getStatusPageHandler,
  listIncidentsHandler,
  listMaintenancesHandler,
  listStatusPagesHandler,
  updateIncidentHandler,
  updateMaintenanceHandler,
  updateStatusPageHandler,
} from "./status-pages";

// Django's uuid converter: lowercase canonical form only; anything else is a 404.
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UNIQUE_KEY = "[0-9A-Za-z]{40}";
// Status pages' and incidents' public codes (lib/status-pages/events.ts).
const STATUS_CODE = "[0-9a-z]{12}";

/** `versions`: the API versions that have the route (Vigil's own routes exist in v3 only). */
function route(path: string, versions = "123"): RegExp {
  const body = path
    .replace("<code>", `(?<code>${UUID})`)
    .replace("<uniqueKey>", `(?<uniqueKey>${UNIQUE_KEY})`)
    .replace("<n>", "(?<n>\\d+)")
    .replace("<page>", `(?<page>${STATUS_CODE})`)
    .replace("<incident>", `(?<incident>${STATUS_CODE})`);
  return new RegExp(`^/api/v(?<version>[${versions}])/${body}/?$`);
}

const ROUTES: [RegExp, ApiHandler][] = [
  [route("checks"), withApi({ GET: listChecksHandler, POST: createCheckHandler })],
  [route("checks/<code>"), withApi({ GET: getCheckHandler, POST: updateCheckHandler, DELETE: deleteCheckHandler })],
  [route("checks/<uniqueKey>"), withApi({ GET: getCheckByUniqueKeyHandler })],
  [route("checks/<code>/pause"), withApi({ POST: pauseCheckHandler })],
  [route("checks/<code>/resume"), withApi({ POST: resumeCheckHandler })],
  [route("checks/<code>/pings"), withApi({ GET: listPingsHandler })],
  [route("checks/<code>/pings/<n>/body"), withApi({ GET: getPingBodyHandler })],
  [route("checks/<code>/flips"), withApi({ GET: listFlipsHandler })],
  [route("checks/<uniqueKey>/flips"), withApi({ GET: listFlipsHandler })],
  // Vigil extension: downtime per day/week/month (Healthchecks has no such endpoint).
  [route("checks/<code>/downtime"), withApi({ GET: getDowntimeHandler })],
  [route("checks/<uniqueKey>/downtime"), withApi({ GET: getDowntimeHandler })],
  // Vigil extensions for active checks, in v3 only: Healthchecks has no such routes.
  [route("checks/<code>/probe", "3"), withApi({ POST: runProbeHandler })],
  [route("checks/<code>/results", "3"), withApi({ GET: listResultsHandler })],
  [route("checks/<uniqueKey>/results", "3"), withApi({ GET: listResultsHandler })],
  // Vigil's status pages, in v3 only.
  [route("status-pages", "3"), withApi({ GET: listStatusPagesHandler, POST: createStatusPageHandler })],
  [route("status-pages/<page>", "3"), withApi({ GET: getStatusPageHandler, POST: updateStatusPageHandler, DELETE: deleteStatusPageHandler })],
  [route("status-pages/<page>/incidents", "3"), withApi({ GET: listIncidentsHandler, POST: createIncidentHandler })],
  [route("status-pages/<page>/incidents/<incident>", "3"), withApi({ GET: getIncidentHandler, POST: updateIncidentHandler, DELETE: deleteIncidentHandler })],
  [route("status-pages/<page>/incidents/<incident>/updates", "3"), withApi({ POST: createIncidentUpdateHandler })],
  [route("status-pages/<page>/maintenances", "3"), withApi({ GET: listMaintenancesHandler, POST: createMaintenanceHandler })],
  [route("status-pages/<page>/maintenances/<incident>", "3"), withApi({ GET: getMaintenanceHandler, POST: updateMaintenanceHandler, DELETE: deleteMaintenanceHandler })],
  [route("channels"), withApi({ GET: listChannelsHandler, POST: createChannelHandler })],
  // v3 also reads one channel with its config (for `vigil plan` and `vigil export`).
  [route("channels/<code>", "3"), withApi({ GET: getChannelHandler, POST: updateChannelHandler, DELETE: deleteChannelHandler })],
  [route("channels/<code>"), withApi({ POST: updateChannelHandler, DELETE: deleteChannelHandler })],
  // What `vigil apply` last applied, for `vigil plan`'s drift (v3 only).
  [route("applied", "3"), withApi({ GET: listAppliedHandler, POST: saveAppliedHandler })],
  [route("badges"), withApi({ GET: listBadgesHandler })],
  // Delivery callbacks (Twilio's StatusCallback...): no API key, always an empty 200.
  [route("notifications/<code>/status"), withApi({ POST: notificationStatusHandler })],
  // HEAD too: load balancers probe with it.
  [route("status"), withApi({ GET: getStatusHandler, HEAD: getStatusHandler })],
  // Service metrics for METRICS_KEY holders (X-Metrics-Key); Prometheus scrapes /metrics instead.
  [route("metrics"), withApi({ GET: getMetricsHandler, HEAD: getMetricsHandler })],
];

/**
 * Answers a management API request (/api/v1/, /api/v2/, /api/v3/). Returns null for any path
 * that is not one of these routes, so the caller can fall through (404 or Next.js).
 */
export async function handleApiRequest(req: Request): Promise<Response | null> {
  const { pathname } = new URL(req.url);
  for (const [pattern, handler] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match?.groups) continue;
    const { version, ...params } = match.groups;
    const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
    return handler(req, { version: Number(version) as ApiVersion, params: defined });
  }
  return null;
}
