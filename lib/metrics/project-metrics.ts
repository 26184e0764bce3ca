// A project's Prometheus endpoint, as Healthchecks serves it (hc/integrations/prometheus):
// routes, key check, and the body byte for byte. Served by the front server itself: scrapers
// call it often and it needs no Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CHECK_TIMING_SELECT, getDisplayStatus } from "../checks/status";
import { getUniqueKey } from "../checks/to-dict";
import { compareCodePoints, stripWhitespace } from "../compat/python";
import { getDb } from "../db";
import { getEnv } from "../env";
import { findProjectByApiKey } from "../projects/keys";
import { findLastProbeResults } from "../probes/queries";
import type { ProbeResult } from "../probes/types";

/**
 * Healthchecks' Prometheus routes with Django's uuid and slug converters:
 * /projects/<uuid>/metrics/<key>, the legacy /projects/<uuid>/checks/metrics/<key>, and
 * /projects/<uuid>/metrics/ with the key as a Bearer token (group 1 undefined).
 */
export const PROJECT_METRICS_PATH =
  /^\/projects\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(?:(?:checks\/)?metrics\/([-\w]+)|metrics\/)$/;

/** One check as the Prometheus endpoint reports it. */
export interface ProjectMetricsCheck {
  name: string;
  /** The stored tags string (space-separated). */
  tags: string;
  uniqueKey: string;
  /** getStatus() without "started": up, grace, down, new or paused. */
  status: string;
  /** last_start is set: a run is in progress. */
  started: boolean;
  /** For an active check, its last probe run (null before the first); absent for a passive check. */
  probe?: { rttMs: number; certExpires: Date | null } | null;
}

export interface ProjectMetricsResult {
  status: 200 | 400 | 403;
  body: string;
}

function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(body);
}

/**
 * A project's Prometheus endpoint. `key` is the read-only API key from the path, or null for
 * the Bearer form (Grafana Cloud refuses to scrape unauthenticated URLs). Answers 404 when
 * PROMETHEUS_ENABLED=False, 401 without a Bearer token, then getProjectMetrics()'s 400/403/200.
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

/**
 * A project's Prometheus metrics for its read-only API key (Healthchecks' metrics view): 400
 * for a key that is not 32 characters, 403 for an unknown or read-write key. The project comes
 * from the key alone; like Healthchecks, the UUID in the URL is not compared with it.
 */
/** What the export shows of an active check's last run (null before its first). */
function toLastRun(run: ProbeResult | undefined): ProjectMetricsCheck["probe"] {
  return run ? { rttMs: run.rtt_ms, certExpires: run.cert_expires } : null;
}

export async function getProjectMetrics(key: string, now = new Date()): Promise<ProjectMetricsResult> {
  if (key.length !== 32) return { status: 400, body: "API key must be 32 characters" };
  const found = await findProjectByApiKey(key);
  if (!found?.readOnly) return { status: 403, body: "unknown read-only API key" };

  const checks = await getDb().check.findMany({
    where: { projectId: found.project.id },
    orderBy: { id: "asc" },
    select: { id: true, code: true, name: true, tags: true, probe: true, ...CHECK_TIMING_SELECT },
  });
  // Active checks' last runs; a project without active checks reads nothing more.
  const lastRuns = await findLastProbeResults(checks.flatMap((c) => (c.probe === null ? [] : [c.id])));
  return {
    status: 200,
    body: renderProjectMetrics(
      checks.map((c) => ({
        name: c.name,
        tags: c.tags,
        uniqueKey: getUniqueKey(c.code),
        status: getDisplayStatus(c, now, false),
        started: c.lastStart !== null,
        ...(c.probe !== null ? { probe: toLastRun(lastRuns.get(c.id)) } : {}),
      })),
    ),
  };
}

// Healthchecks' esc(): only these three; everything else (tabs, \r, non-ASCII) passes as is.
function esc(s: string): string {
  return s.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}

/** Healthchecks' Check.tags_list(): split on single spaces, strip (Python's), drop empties. */
function tagsList(tags: string): string[] {
  return tags
    .split(" ")
    .map(stripWhitespace)
    .filter(Boolean);
}

/**
 * The body of a project's Prometheus endpoint, byte for byte what Healthchecks' metrics view
 * (hc/integrations/prometheus/views.py) writes: gauges per check in the given order (by id),
 * labels name/tags/unique_key, then per tag (sorted by code point, as Python sorts), then the
 * totals, families separated by a blank line. hc_check_up is 0 only for "down", so a late
 * (grace) check still reads as up.
 */
export function renderProjectMetrics(checks: readonly ProjectMetricsCheck[]): string {
  const labels = checks.map((c) => `{name="${esc(c.name)}", tags="${esc(c.tags)}", unique_key="${c.uniqueKey}"}`);
  const out: string[] = [];
  const family = (name: string, help: string, value: (c: ProjectMetricsCheck) => number) => {
    out.push(`# HELP ${name} ${help}\n`, `# TYPE ${name} gauge\n`);
    checks.forEach((c, i) => out.push(`${name}${labels[i]} ${value(c)}\n`));
  };

  family("hc_check_up", "Whether the check is currently up (1 for yes, 0 for no).", (c) => (c.status === "down" ? 0 : 1));
  out.push("\n");
  family("hc_check_started", "Whether the check is currently started (1 for yes, 0 for no).", (c) => (c.started ? 1 : 0));
  out.push("\n");
  family("hc_check_grace", "Whether the check is currently in the grace period (1 for yes, 0 for no).", (c) => (c.status === "grace" ? 1 : 0));
  out.push("\n");
  family("hc_check_paused", "Whether the check is currently paused (1 for yes, 0 for no).", (c) => (c.status === "paused" ? 1 : 0));

  const allTags = new Set<string>();
  const downTags = new Set<string>();
  let numDown = 0;
  for (const c of checks) {
    const tags = tagsList(c.tags);
    for (const t of tags) allTags.add(t);
    if (c.status === "down") {
      numDown++;
      for (const t of tags) downTags.add(t);
    }
  }

  out.push("\n");
  out.push("# HELP hc_tag_up Whether all checks with this tag are up (1 for yes, 0 for no).\n", "# TYPE hc_tag_up gauge\n");
  for (const tag of [...allTags].sort(compareCodePoints)) out.push(`hc_tag_up{tag="${esc(tag)}"} ${downTags.has(tag) ? 0 : 1}\n`);

  out.push("\n");
  out.push("# HELP hc_checks_total The total number of checks.\n", "# TYPE hc_checks_total gauge\n");
  out.push(`hc_checks_total ${checks.length}\n`);
  out.push("\n");

  out.push("# HELP hc_checks_down_total The number of checks currently down.\n", "# TYPE hc_checks_down_total gauge\n");
  out.push(`hc_checks_down_total ${numDown}\n`);

  // Vigil's extensions, after every Healthchecks family so that a scraper reading Healthchecks'
  // output reads the same lines first; a project without active checks gets none of them.
  const ran = checks.flatMap((c, i) => (c.probe ? [{ labels: labels[i], run: c.probe }] : []));
  if (ran.length > 0) {
    out.push("\n");
    out.push("# HELP vigil_probe_response_seconds The round trip of the active check's last run, in seconds.\n", "# TYPE vigil_probe_response_seconds gauge\n");
    for (const { labels: l, run } of ran) out.push(`vigil_probe_response_seconds${l} ${run.rttMs / 1000}\n`);
    const certs = ran.filter(({ run }) => run.certExpires !== null);
    if (certs.length > 0) {
      out.push("\n");
      out.push(
        "# HELP vigil_probe_cert_expiry_timestamp_seconds When the certificate seen by the active check's last run expires, as a Unix timestamp.\n",
        "# TYPE vigil_probe_cert_expiry_timestamp_seconds gauge\n",
      );
      for (const { labels: l, run } of certs) out.push(`vigil_probe_cert_expiry_timestamp_seconds${l} ${Math.floor(run.certExpires!.getTime() / 1000)}\n`);
    }
  }
  return out.join("");
}
