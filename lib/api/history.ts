// A check's history through the API: its pings (Healthchecks' checks/<uuid>/pings/ and the ping
// bodies), its flips (checks/<uuid>/flips/, with FlipsFiltersForm's filters) and, beyond
// Healthchecks, its downtime per day, week or month (checks/<uuid>/downtime/).
import { DOWNTIME_PERIODS, getDowntimeSummary, getPeriodBoundaries, type DowntimePeriod } from "../checks/downtime";
import { toTwoStateStatus } from "../checks/status";
import { findCheck, findCheckByUniqueKey } from "../checks/find-check";
import { getPingBody, getPingDurations } from "../checks/ping-log";
import { formatIso, formatIsoMicro, formatIsoWithOffset, JsonFloat } from "../compat/python";
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { normalizeTimezone } from "../schedules/normalize-timezone";
import { findMaintenanceWindows } from "../status-pages/maintenance-windows";
import { getTimeZone } from "../schedules/zoned-time";
import { authorize, jsonResponse, textResponse, type ApiContext } from "./protocol";

/** Healthchecks never returns more than this many pings, whatever the project's log limit. */
const MAX_PINGS = 1000;

/** GET checks/<uuid>/pings/ (read-write keys only): newest first, bodies linked, not inlined. */
export async function listPingsHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, project } = await authorize(req, "write");
  const { check } = await findCheck({ actor, checkCode: ctx.params.code });
  const db = getDb();
  const pings = await db.ping.findMany({
    where: { checkId: check.id },
    orderBy: { n: "desc" },
    take: Math.min(project.pingLogLimit, MAX_PINGS),
    select: { n: true, createdAt: true, kind: true, scheme: true, remoteAddr: true, method: true, ua: true, rid: true },
  });
  // Which pings have a body, without loading up to 1000 bodies just to test them.
  const oldest = pings.at(-1)?.n ?? 0;
  const withBody = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT n FROM pings WHERE check_id = ${check.id} AND n >= ${oldest} AND length(body) > 0`;
  const hasBody = new Set(withBody.map((r) => Number(r.n)));
  const durations = await getPingDurations(check.id, pings);
  const base = `${getEnv().siteRoot}/api/v${ctx.version}/checks/${check.code}/pings`;

  return jsonResponse({
    pings: pings.map((p) => {
      const duration = durations.get(p.n);
      return {
        type: p.kind ?? "success",
        date: formatIsoMicro(p.createdAt),
        n: p.n,
        scheme: p.scheme,
        remote_addr: p.remoteAddr,
        method: p.method,
        ua: p.ua,
        rid: p.rid,
        ...(duration === undefined ? {} : { duration: new JsonFloat(Math.round(duration / 10) / 100) }),
        body_url: hasBody.has(p.n) ? `${base}/${p.n}/body` : null,
      };
    }),
  });
}

/**
 * GET checks/<uuid>/pings/<n>/body: the raw bytes; 404 past the log limit, when empty, and for
 * a number no ping can have (the router takes any run of digits).
 */
export async function getPingBodyHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const body = await getPingBody({ actor, checkCode: ctx.params.code, n: Number(ctx.params.n), withinLogLimit: true });
  if (!body) throw new AppError("not_found", "");
  return textResponse(new Uint8Array(body), 200, "text/plain");
}

export interface FlipsFilters {
  start?: Date;
  end?: Date;
  /** Seconds back from now. */
  seconds?: number;
}

// Python's int() accepts surrounding whitespace and a sign; Django's IntegerField also
// tolerates a ".0" fraction.
const TIMESTAMP = /^\s*[+-]?\d+\s*$/;
const INTEGER = /^\s*[+-]?\d+(\.0*)?\s*$/;
const MAX_TIMESTAMP = 10_000_000_000;
const MAX_SECONDS = 31_536_000;

/** The last value of a query parameter (Django's QueryDict.get); "" counts as absent. */
function last(query: URLSearchParams, name: string): string | undefined {
  return query.getAll(name).at(-1) || undefined;
}

/**
 * The flips endpoint's filters (Healthchecks' FlipsFiltersForm): `start`/`end` UNIX
 * timestamps in 0..10^10, `seconds` in 0..31536000 (0 = no filter). Throws
 * AppError("bad_request", "") for anything else, which answers an empty 400.
 */
export function parseFlipsFilters(query: URLSearchParams): FlipsFilters {
  const bad = (): never => {
    throw new AppError("bad_request", "");
  };
  const filters: FlipsFilters = {};
  for (const name of ["start", "end"] as const) {
    const raw = last(query, name);
    if (raw === undefined) continue;
    if (!TIMESTAMP.test(raw)) bad();
    const ts = parseInt(raw, 10);
    if (ts < 0 || ts > MAX_TIMESTAMP) bad();
    filters[name] = new Date(ts * 1000);
  }
  const raw = last(query, "seconds");
  if (raw !== undefined) {
    if (!INTEGER.test(raw)) bad();
    const seconds = parseInt(raw, 10);
    if (seconds < 0 || seconds > MAX_SECONDS) bad();
    if (seconds > 0) filters.seconds = seconds;
  }
  return filters;
}

/**
 * GET checks/<uuid>/flips/ and checks/<unique_key>/flips/: status changes, newest first, as
 * {"timestamp", "up"} where pauses count as not up. Filters: start, end, seconds.
 */
export async function listFlipsHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  const { check } = ctx.params.code
    ? await findCheck({ actor, checkCode: ctx.params.code })
    : await findCheckByUniqueKey({ actor, uniqueKey: ctx.params.uniqueKey });
  const filters = parseFlipsFilters(new URL(req.url).searchParams);
  const since = filters.seconds === undefined ? undefined : new Date(Date.now() - filters.seconds * 1000);
  const createdAt = {
    // Both start and seconds may be given; the later bound wins, as chained filters would.
    ...(filters.start || since ? { gte: new Date(Math.max(filters.start?.getTime() ?? 0, since?.getTime() ?? 0)) } : {}),
    ...(filters.end ? { lt: filters.end } : {}),
  };
  const flips = await getDb().flip.findMany({
    where: { checkId: check.id, createdAt },
    orderBy: { id: "desc" },
    select: { createdAt: true, newStatus: true },
  });
  return jsonResponse({
    // Healthchecks' two states: a degraded check is up.
    flips: flips.map((f) => ({ timestamp: formatIso(f.createdAt), up: toTwoStateStatus(f.newStatus) === "up" ? 1 : 0 })),
  });
}

// Two years of months; longer ranges outlive the ~93 days of flips that pruning keeps anyway.
const MAX_DOWNTIME_COUNT = 24;

function parseDowntimeQuery(query: URLSearchParams): { period: DowntimePeriod; count: number; tz: string } {
  const period = query.get("period") ?? "month";
  if (!(DOWNTIME_PERIODS as readonly string[]).includes(period)) {
    throw new AppError("bad_request", "period must be one of: day, week, month");
  }
  const rawCount = query.get("count") ?? "3";
  const count = /^\d{1,3}$/.test(rawCount) ? Number(rawCount) : NaN;
  if (!(count >= 1 && count <= MAX_DOWNTIME_COUNT)) {
    throw new AppError("bad_request", `count must be a whole number from 1 to ${MAX_DOWNTIME_COUNT}`);
  }
  const tz = normalizeTimezone(query.get("tz") ?? "UTC");
  if (tz === null) throw new AppError("bad_request", "tz must be an IANA time zone such as Europe/Riga");
  return { period: period as DowntimePeriod, count, tz };
}

/**
 * GET checks/<uuid>/downtime/ and checks/<unique_key>/downtime/ (a Vigil extension; Healthchecks
 * has no such endpoint): downtime per day, week or month in `tz`, newest first, computed from
 * flips as on the check's details page, leaving out scheduled maintenance. Read-only keys are
 * allowed.
 */
export async function getDowntimeHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  // The check is looked up before the query is parsed: 404/403 win over 400.
  const { check } = ctx.params.code
    ? await findCheck({ actor, checkCode: ctx.params.code })
    : await findCheckByUniqueKey({ actor, uniqueKey: ctx.params.uniqueKey });
  const { period, count, tz } = parseDowntimeQuery(new URL(req.url).searchParams);
  const now = new Date();
  // Scheduled maintenance is not downtime.
  const from = getPeriodBoundaries(period, count, tz, now)[0]!.start;
  const maintenance = (await findMaintenanceWindows(getDb(), [check.id], from, now)).get(check.id);
  const records = await getDowntimeSummary({ actor, checkCode: check.code, tz, period, count, now, maintenance });
  const zone = getTimeZone(tz);
  const iso = (date: Date) => formatIsoWithOffset(date, zone.offsetAt(date.getTime()) / 60_000);
  return jsonResponse({
    downtime: records.map((r) => ({
      start: iso(r.start),
      end: iso(r.end),
      down_seconds: Math.floor(r.downSeconds),
      outages: r.outages,
      uptime: r.uptime === null ? null : new JsonFloat(r.uptime),
      no_data: r.noData,
    })),
  });
}
