// Hourly and daily summaries of probe runs (probe_rollups), per check and region: runs,
// failures, degraded runs, and p50/p95/max of the round trip of runs that were not down. They
// outlive the raw results (PROBE_RESULT_DAYS) and serve charts and uptime over 30 and 90 days.
// Computed by the prober every few minutes from raw results of finished periods, never on the
// ping path. Percentiles cannot be added up, so each period is computed from its raw runs
// (a day from its runs, not from its hours).
import { getDb } from "../db";
import { isUniqueViolation } from "../errors";

export type RollupPeriod = "hour" | "day";

export const PERIOD_MS: Record<RollupPeriod, number> = { hour: 3_600_000, day: 86_400_000 };

/**
 * A period is rolled up once it ended this long ago, so that runs still in flight at its end
 * (dated at their start, recorded when they finish: up to 10 attempts of 60 s) are in it.
 */
export const SETTLE_MS = 15 * 60_000;

/** One run as rollups read it. */
export interface RollupRun {
  status: string;
  rttMs: number;
}

export interface RollupFigures {
  runs: number;
  failures: number;
  degraded: number;
  /** Over runs that were not down (a failed run's time is its timeout, not a response time); null when all were. */
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

/** The nearest-rank percentile of ascending `sorted` (p in 0..1): the smallest value with at least p of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** The figures of one check's runs in one period. */
export function summarizeRuns(runs: readonly RollupRun[]): RollupFigures {
  let failures = 0;
  let degraded = 0;
  const times: number[] = [];
  for (const r of runs) {
    if (r.status === "down") failures++;
    else {
      if (r.status === "degraded") degraded++;
      times.push(r.rttMs);
    }
  }
  times.sort((a, b) => a - b);
  return {
    runs: runs.length,
    failures,
    degraded,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    maxMs: times.length === 0 ? null : times[times.length - 1],
  };
}

/** The start of the UTC hour or day holding `ms`. */
export function floorPeriod(period: RollupPeriod, ms: number): number {
  return ms - (((ms % PERIOD_MS[period]) + PERIOD_MS[period]) % PERIOD_MS[period]);
}

// Checks per read: a day of a check on a 10 s interval is 8,640 runs, so a chunk stays a few
// hundred thousand small rows at most.
const CHECK_CHUNK = 100;

/**
 * Rolls up the runs of one period ([start, start + period)) for every check, replacing rows
 * already there (a second prober doing the same period writes the same figures). Returns how
 * many rollup rows were written.
 */
export async function rollUpPeriod(period: RollupPeriod, start: Date): Promise<number> {
  const db = getDb();
  const end = new Date(start.getTime() + PERIOD_MS[period]);
  const window = { gte: start, lt: end };
  const bounds = await db.probeResult.aggregate({ where: { date: window }, _min: { checkId: true }, _max: { checkId: true } });
  if (bounds._min.checkId === null || bounds._max.checkId === null) return 0;
  const first = Number(bounds._min.checkId);
  const last = Number(bounds._max.checkId);
  let written = 0;
  for (let from = first; from <= last; from += CHECK_CHUNK) {
    const rows = await db.probeResult.findMany({
      where: { checkId: { gte: from, lt: from + CHECK_CHUNK }, date: window },
      select: { checkId: true, region: true, status: true, rttMs: true },
    });
    if (rows.length === 0) continue;
    const groups = new Map<string, { checkId: number; region: string; runs: RollupRun[] }>();
    for (const r of rows) {
      const key = `${r.checkId} ${r.region}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { checkId: r.checkId, region: r.region, runs: [] }));
      g.runs.push(r);
    }
    const data = [...groups.values()].map((g) => ({ checkId: g.checkId, region: g.region, period, start, ...summarizeRuns(g.runs) }));
    try {
      await db.$transaction([
        db.probeRollup.deleteMany({ where: { period, start, checkId: { gte: from, lt: from + CHECK_CHUNK } } }),
        db.probeRollup.createMany({ data }),
      ]);
      written += data.length;
    } catch (err) {
      // Another prober wrote this chunk at the same moment: its rows are the same figures.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return written;
}

/**
 * The start of the latest rolled-up period (findFirst rather than an aggregate: Prisma's SQLite
 * adapter returns _max of a millisecond timestamp column as a number, not a Date).
 */
export async function findLatestRollupStart(period: RollupPeriod): Promise<Date | null> {
  const latest = await getDb().probeRollup.findFirst({ where: { period }, orderBy: { start: "desc" }, select: { start: true } });
  return latest?.start ?? null;
}

export interface RollUpOptions {
  now?: Date;
  log?: (line: string) => void;
}

/**
 * Rolls up every finished period (settled SETTLE_MS) not rolled up yet, hours then days:
 * from the period after the latest rollup row of that period, or from the oldest raw result,
 * skipping periods without runs. Returns the rows written per period.
 */
export async function rollUpProbeResults({ now = new Date(), log }: RollUpOptions = {}): Promise<Record<RollupPeriod, number>> {
  const db = getDb();
  const written: Record<RollupPeriod, number> = { hour: 0, day: 0 };
  for (const period of ["hour", "day"] as const) {
    const size = PERIOD_MS[period];
    const end = floorPeriod(period, now.getTime() - SETTLE_MS);
    const latest = await findLatestRollupStart(period);
    let cursor = latest ? latest.getTime() + size : -Infinity;
    while (cursor < end) {
      // Jump over periods without runs with one indexed read.
      const next = await db.probeResult.findFirst({
        where: { date: { gte: new Date(Math.max(cursor, 0)), lt: new Date(end) } },
        orderBy: { date: "asc" },
        select: { date: true },
      });
      if (!next) break;
      const start = floorPeriod(period, next.date.getTime());
      written[period] += await rollUpPeriod(period, new Date(start));
      cursor = start + size;
    }
  }
  if (log && written.hour + written.day > 0) log(`probe rollups: ${written.hour} hourly, ${written.day} daily rows`);
  return written;
}
