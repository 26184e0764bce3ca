// Downtime per day, week or calendar month (Healthchecks' Check.downtimes_by_boundary): the
// period boundaries on a zone's wall clock, the pure walk over flips that adds up each period's
// down time, and the reads that feed it from the flips table (details page, API, reports).
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { DAY_MS, civilFromDays, daysFromCivil, getTimeZoneOrUtc, wallDays, weekdayFromDays } from "../schedules/zoned-time";

export type DowntimePeriod = "day" | "week" | "month";

export const DOWNTIME_PERIODS: readonly DowntimePeriod[] = ["day", "week", "month"];

export interface PeriodBounds {
  /** First instant of the period: midnight on its first day in the zone. */
  start: Date;
  /** First instant of the next period. */
  end: Date;
}

/** Day number (days since 1970-01-01) of the first day of the period `offset` periods from the one holding `today`. */
function periodFirstDay(period: DowntimePeriod, today: number, offset: number): number {
  if (period === "day") return today + offset;
  if (period === "week") {
    // Weeks start on Monday, as in Healthchecks' week_boundaries (Python's weekday() == 0).
    const monday = today - ((weekdayFromDays(today) + 6) % 7);
    return monday + 7 * offset;
  }
  const { year, month } = civilFromDays(today);
  const index = year * 12 + (month - 1) + offset;
  return daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
}

/**
 * The current day, week (Monday to Monday) or calendar month on the wall clock of `tz`, and the
 * `count - 1` before it, oldest first (Healthchecks' month_boundaries / week_boundaries, plus
 * each period's end). Periods are real elapsed time, so a day or month with a DST change is an
 * hour shorter or longer. A midnight that falls into a DST gap resolves to the first instant
 * after the gap, as Python's zoneinfo does. An unknown zone counts as UTC.
 */
export function getPeriodBoundaries(period: DowntimePeriod, count: number, tz: string, now: Date = new Date()): PeriodBounds[] {
  const zone = getTimeZoneOrUtc(tz);
  const today = wallDays(zone.toWall(now.getTime()).wall);
  const midnight = (day: number) => new Date(zone.toUtc(day * DAY_MS));
  const result: PeriodBounds[] = [];
  for (let offset = 1 - count; offset <= 0; offset++) {
    result.push({
      start: midnight(periodFirstDay(period, today, offset)),
      end: midnight(periodFirstDay(period, today, offset + 1)),
    });
  }
  return result;
}

export interface DowntimeInterval {
  /** First instant of the interval. */
  start: Date;
  /** Seconds the check was down within the interval (up to `now` for the current one). */
  downSeconds: number;
  /** Down stretches that overlap the interval; one spanning a boundary counts in both. */
  outages: number;
  /** The check did not exist yet during the whole interval. */
  noData: boolean;
}

export interface DowntimeInput {
  /** Interval starts, oldest first; the last interval runs until `now`. */
  boundaries: Date[];
  /** Flips newer than the first boundary, in any order. */
  flips: { createdAt: Date; oldStatus: string }[];
  /** The check's stored status now. */
  status: string;
  checkCreatedAt: Date;
  now: Date;
  /**
   * Stretches that are not downtime whatever the status (scheduled maintenance covering the
   * check); down time inside them is left out, and an outage wholly inside them is not counted.
   */
  excluded?: readonly TimeSpan[];
}

/** A stretch of time, start included, end excluded. */
export interface TimeSpan {
  start: Date;
  end: Date;
}

/** Milliseconds of [from, to) outside every span of `excluded`. */
function msOutside(from: number, to: number, excluded: readonly TimeSpan[]): number {
  let ms = to - from;
  let covered = from;
  for (const span of [...excluded].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const a = Math.max(span.start.getTime(), covered);
    const b = Math.min(span.end.getTime(), to);
    if (b > a) {
      ms -= b - a;
      covered = b;
    }
  }
  return ms;
}

/**
 * Walks flips and interval boundaries backwards from now, tracking what the status was before
 * each flip, and adds every stretch spent "down" to the interval it falls in. Returns the
 * intervals newest first.
 */
export function summarizeDowntime(input: DowntimeInput): DowntimeInterval[] {
  const records: DowntimeInterval[] = input.boundaries.map((start) => ({ start, downSeconds: 0, outages: 0, noData: false })).reverse();
  const excluded = input.excluded ?? [];
  const add = (from: number, to: number) => {
    const record = records.find((r) => r.start.getTime() <= from);
    if (!record) return;
    const ms = excluded.length ? msOutside(from, to, excluded) : to - from;
    if (ms <= 0) return;
    record.downSeconds += ms / 1000;
    record.outages += 1;
  };

  // A boundary is an event that ends a stretch without changing the status, so a down
  // stretch across the end of a month is split between the two months.
  const events: { at: number; oldStatus: string | null }[] = [
    ...input.boundaries.map((b) => ({ at: b.getTime(), oldStatus: null })),
    ...input.flips.map((f) => ({ at: f.createdAt.getTime(), oldStatus: f.oldStatus })),
  ].sort((a, b) => b.at - a.at || (a.oldStatus === null ? 1 : 0) - (b.oldStatus === null ? 1 : 0));

  let until = input.now.getTime();
  let status = input.status;
  for (const event of events) {
    if (status === "down" && until > event.at) add(event.at, until);
    until = event.at;
    if (event.oldStatus !== null) status = event.oldStatus;
  }

  // An interval is empty when the check was created after it ended.
  let end: number | null = null;
  for (const record of records) {
    if (end !== null && input.checkCreatedAt.getTime() > end) record.noData = true;
    end = record.start.getTime();
  }
  return records;
}

export interface DowntimeRecord extends DowntimeInterval {
  /** First instant of the next period. */
  end: Date;
  /** Fraction of the whole period the check was not down (0..1); null with no data. */
  uptime: number | null;
  /** Year and month (1-12) of the period's first day, on the wall clock of the summary's zone. */
  year: number;
  month: number;
}

export interface DowntimeSummaryOptions {
  /** IANA zone whose midnights bound the periods; an unknown zone counts as UTC. */
  tz: string;
  period?: DowntimePeriod;
  /** How many periods, the current one included (default 3). */
  count?: number;
  /** Alias of `count` kept for callers written when only months existed. */
  months?: number;
  now?: Date;
  /**
   * Maintenance windows by check id, left out of the down time (the caller reads them:
   * findMaintenanceWindows of lib/status-pages, which this module cannot import).
   */
  maintenance?: ReadonlyMap<number, readonly TimeSpan[]>;
}

// Enough for a year of days; anything larger is a caller bug, not a request to honour.
const MAX_COUNT = 400;

/**
 * Downtime per period in `opts.tz` for many checks with one flips query (reports): the current
 * period and the `count - 1` before it, newest first, each with its down time, number of
 * outages and uptime. Uptime is measured against the whole period, including the part of the
 * current one still to come, as Healthchecks does. Returns a map from check id to records;
 * throws AppError (bad_request) for a count that is not a whole number in 1..400. The caller
 * has checked access to the checks.
 */
export async function getDowntimeSummaries(
  checks: Pick<Check, "id" | "status" | "createdAt">[],
  opts: DowntimeSummaryOptions,
): Promise<Map<number, DowntimeRecord[]>> {
  const count = opts.count ?? opts.months ?? 3;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new AppError("bad_request", `count must be a whole number from 1 to ${MAX_COUNT}`);
  }
  const now = opts.now ?? new Date();
  const periods = getPeriodBoundaries(opts.period ?? "month", count, opts.tz, now);
  const boundaries = periods.map((p) => p.start);
  const result = new Map<number, DowntimeRecord[]>();
  if (checks.length === 0) return result;

  // Served by the flips (check_id, created_at) index.
  const flips = await getDb().flip.findMany({
    where: { checkId: { in: checks.map((c) => c.id) }, createdAt: { gt: boundaries[0] } },
    select: { checkId: true, createdAt: true, oldStatus: true },
  });
  const flipsByCheck = new Map<number, { createdAt: Date; oldStatus: string }[]>();
  for (const flip of flips) {
    const list = flipsByCheck.get(flip.checkId);
    if (list) list.push(flip);
    else flipsByCheck.set(flip.checkId, [flip]);
  }

  const zone = getTimeZoneOrUtc(opts.tz);
  for (const check of checks) {
    const intervals = summarizeDowntime({
      boundaries,
      flips: flipsByCheck.get(check.id) ?? [],
      status: check.status,
      checkCreatedAt: check.createdAt,
      now,
      excluded: opts.maintenance?.get(check.id) ?? [],
    });
    // summarizeDowntime returns newest first, so interval i belongs to periods[count - 1 - i].
    const records = intervals.map((interval, i): DowntimeRecord => {
      const end = periods[count - 1 - i]!.end;
      const length = (end.getTime() - interval.start.getTime()) / 1000;
      return {
        ...interval,
        ...civilFromDays(wallDays(zone.toWall(interval.start.getTime()).wall)),
        end,
        uptime: interval.noData ? null : Math.max(0, (length - interval.downSeconds) / length),
      };
    });
    result.set(check.id, records);
  }
  return result;
}

/**
 * getDowntimeSummaries for one check the actor may read (details page, API): by default the
 * current calendar month and the two before it. Throws AppError on access (see
 * requireCheckAccess) and for a bad count.
 */
export async function getDowntimeSummary({
  actor,
  checkCode,
  maintenance,
  ...opts
}: Omit<DowntimeSummaryOptions, "maintenance"> & { actor: Actor; checkCode: string; maintenance?: readonly TimeSpan[] }): Promise<DowntimeRecord[]> {
  const { check } = await requireCheckAccess(actor, checkCode, "read");
  const summaries = await getDowntimeSummaries([check], { ...opts, ...(maintenance ? { maintenance: new Map([[check.id, maintenance]]) } : {}) });
  return summaries.get(check.id)!;
}
