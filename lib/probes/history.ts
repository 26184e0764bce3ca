// Reads of an active check's history for the web app: response-time series and uptime. They
// read the rollups (kept 400 days) and, for the recent periods not rolled up yet, the raw
// results, so a chart is complete up to now.
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { getDb } from "../db";
import { findLatestRollupStart, floorPeriod, PERIOD_MS, summarizeRuns, type RollupFigures, type RollupPeriod } from "./rollups";

export type ProbeSeriesRange = "24h" | "7d" | "30d";

const RANGES: Record<ProbeSeriesRange, { spanMs: number; period: RollupPeriod }> = {
  "24h": { spanMs: 24 * 3_600_000, period: "hour" },
  "7d": { spanMs: 7 * 86_400_000, period: "hour" },
  "30d": { spanMs: 30 * 86_400_000, period: "day" },
};

/** One bucket of a chart: an hour or a day of one region. */
export interface ProbeSeriesPoint extends RollupFigures {
  start: Date;
  region: string;
}

export interface ProbeSeries {
  range: ProbeSeriesRange;
  period: RollupPeriod;
  /** Oldest first; buckets without runs are left out. */
  points: ProbeSeriesPoint[];
}

/**
 * The buckets of one check's runs from `fromMs` to now: rollup rows where the period has been
 * rolled up, the raw results summarized the same way after the latest rollup of that period.
 */
async function readBuckets(checkId: number, period: RollupPeriod, fromMs: number, now: Date): Promise<ProbeSeriesPoint[]> {
  const db = getDb();
  const latest = await findLatestRollupStart(period);
  const tailStart = Math.max(fromMs, latest ? latest.getTime() + PERIOD_MS[period] : fromMs);
  const rolled = await db.probeRollup.findMany({
    where: { checkId, period, start: { gte: new Date(fromMs), lt: new Date(tailStart) } },
    orderBy: { start: "asc" },
  });
  const raw = await db.probeResult.findMany({
    where: { checkId, date: { gte: new Date(tailStart), lte: now } },
    select: { date: true, region: true, status: true, rttMs: true },
  });
  const tail = new Map<string, { start: number; region: string; runs: { status: string; rttMs: number }[] }>();
  for (const r of raw) {
    const start = floorPeriod(period, r.date.getTime());
    const key = `${start} ${r.region}`;
    let b = tail.get(key);
    if (!b) tail.set(key, (b = { start, region: r.region, runs: [] }));
    b.runs.push(r);
  }
  const points: ProbeSeriesPoint[] = rolled.map((r) => ({
    start: r.start,
    region: r.region,
    runs: r.runs,
    failures: r.failures,
    degraded: r.degraded,
    p50Ms: r.p50Ms,
    p95Ms: r.p95Ms,
    maxMs: r.maxMs,
  }));
  for (const b of tail.values()) points.push({ start: new Date(b.start), region: b.region, ...summarizeRuns(b.runs) });
  return points.sort((a, b) => a.start.getTime() - b.start.getTime() || a.region.localeCompare(b.region));
}

export interface GetProbeSeriesOptions {
  actor: Actor;
  checkCode: string;
  range: ProbeSeriesRange;
  now?: Date;
}

/**
 * A check's response times for a chart: hourly buckets over 24 h and 7 d, daily over 30 d.
 * Throws AppError not_found/forbidden like every read (requireCheckAccess).
 */
export async function getProbeSeries({ actor, checkCode, range, now = new Date() }: GetProbeSeriesOptions): Promise<ProbeSeries> {
  const { check } = await requireCheckAccess(actor, checkCode, "read");
  const { spanMs, period } = RANGES[range];
  const fromMs = floorPeriod(period, now.getTime() - spanMs + PERIOD_MS[period]);
  return { range, period, points: await readBuckets(check.id, period, fromMs, now) };
}

/** Uptime over one window: runs that were not down (degraded runs count as up). */
export interface ProbeUptimeFigure {
  runs: number;
  up: number;
  /** up / runs, null without runs. */
  ratio: number | null;
}

export type ProbeUptime = Record<"24h" | "7d" | "30d" | "90d", ProbeUptimeFigure>;

const UPTIME_WINDOWS: [keyof ProbeUptime, number][] = [
  ["24h", 24 * 3_600_000],
  ["7d", 7 * 86_400_000],
  ["30d", 30 * 86_400_000],
  ["90d", 90 * 86_400_000],
];

/**
 * A check's uptime over the last 24 h, 7 d, 30 d and 90 d, every region together, from hourly
 * rollups (windows start on the hour) and the raw results not rolled up yet.
 */
export async function getProbeUptime({ actor, checkCode, now = new Date() }: { actor: Actor; checkCode: string; now?: Date }): Promise<ProbeUptime> {
  const { check } = await requireCheckAccess(actor, checkCode, "read");
  const longest = floorPeriod("hour", now.getTime() - 90 * 86_400_000);
  const buckets = await readBuckets(check.id, "hour", longest, now);
  const out = {} as ProbeUptime;
  for (const [name, span] of UPTIME_WINDOWS) {
    const from = floorPeriod("hour", now.getTime() - span);
    let runs = 0;
    let failures = 0;
    for (const b of buckets) {
      if (b.start.getTime() < from) continue;
      runs += b.runs;
      failures += b.failures;
    }
    out[name] = { runs, up: runs - failures, ratio: runs === 0 ? null : (runs - failures) / runs };
  }
  return out;
}
