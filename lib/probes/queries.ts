// Reads of probe runs (probe_results) and their shape in the management API: the results list,
// a check's last_result, and the answer of "run now".
import { formatIsoMicro, JsonFloat } from "../compat/python";
import { getDb, type ProbeResult as ProbeResultRow } from "../db";
import type { ProbeAttempt, ProbeResult, ProbeVerdict } from "./types";

/** Healthchecks' pings list never returns more than this many; results follow the same bound. */
export const MAX_RESULTS = 1000;

/** A stored row as the ProbeResult a run produced. */
export function toProbeResult(row: ProbeResultRow): ProbeResult {
  let attempts: ProbeAttempt[] = [];
  try {
    const parsed: unknown = JSON.parse(row.attempts);
    if (Array.isArray(parsed)) attempts = parsed as ProbeAttempt[];
  } catch {
    // A damaged row still lists its run, without attempts.
  }
  return {
    date: row.date,
    region: row.region,
    status: row.status as ProbeVerdict,
    rtt_ms: row.rttMs,
    notice: row.notice,
    error: row.error,
    http_status: row.httpStatus,
    cert_expires: row.certExpires,
    cert_issuer: row.certIssuer,
    resolved_ip: row.resolvedIp,
    evidence: row.evidence,
    attempts,
  };
}

const ms = (v: number | null) => (v === null ? null : new JsonFloat(v));

/**
 * A run as the API shows it: {"date", "region", "status", "rtt_ms", "notice", "error",
 * "http_status", "cert_expires", "attempts": [{"rtt_ms", "error", "timings": {"dns_ms",
 * "connect_ms", "tls_ms", "ttfb_ms", "total_ms"}}]}, dates as the pings list writes them and
 * milliseconds always with a decimal point, as Python prints floats.
 */
export function probeResultToDict(r: ProbeResult): Record<string, unknown> {
  return {
    date: formatIsoMicro(r.date),
    region: r.region,
    status: r.status,
    rtt_ms: new JsonFloat(r.rtt_ms),
    notice: r.notice,
    error: r.error,
    http_status: r.http_status,
    cert_expires: r.cert_expires ? formatIsoMicro(r.cert_expires) : null,
    attempts: r.attempts.map((a) => ({
      rtt_ms: new JsonFloat(a.rtt_ms),
      error: a.error,
      timings: {
        dns_ms: ms(a.timings.dns_ms),
        connect_ms: ms(a.timings.connect_ms),
        tls_ms: ms(a.timings.tls_ms),
        ttfb_ms: ms(a.timings.ttfb_ms),
        total_ms: new JsonFloat(a.timings.total_ms),
      },
    })),
  };
}

/** The check's runs, newest first, at most `limit`. The caller has checked access to the check. */
export async function listProbeResults(checkId: number, limit: number): Promise<ProbeResult[]> {
  const rows = await getDb().probeResult.findMany({
    where: { checkId },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 0), MAX_RESULTS),
  });
  return rows.map(toProbeResult);
}

/**
 * The last run of each of the given checks, by check id; checks never run are absent. One
 * query per check on the (check_id, date) index: a project's check list stays cheap however
 * many runs are kept.
 */
export async function findLastProbeResults(checkIds: readonly number[]): Promise<Map<number, ProbeResult>> {
  const db = getDb();
  const rows = await Promise.all(
    checkIds.map((checkId) => db.probeResult.findFirst({ where: { checkId }, orderBy: [{ date: "desc" }, { id: "desc" }] })),
  );
  const found = new Map<number, ProbeResult>();
  for (const row of rows) if (row) found.set(row.checkId, toProbeResult(row));
  return found;
}
