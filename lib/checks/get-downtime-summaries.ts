import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { civilFromDays, getTimeZoneOrUtc, wallDays } from "../schedules/zoned-time";
import { getPeriodBoundaries, type DowntimePeriod } from "./get-period-boundaries";
import { summarizeDowntime, type DowntimeInterval } from "./summarize-downtime";

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
}

// Enough for a year of days; anything larger is a caller bug, not a request to honour.
const MAX_COUNT = 400;

function civilMonth(date: Date, tz: string): { year: number; month: number } {
  const zone = getTimeZoneOrUtc(tz);
  return civilFromDays(wallDays(zone.toWall(date.getTime()).wall));
}

/**
 * Downtime per day, week (from Monday) or calendar month in `opts.tz` for many checks with one
 * flips query (Healthchecks' Check.downtimes_by_boundary, §3.6): the current period and the
 * `count - 1` before it, newest first, each with its down time, number of outages and uptime.
 * Uptime is measured against the whole period, including the part of the current one still to
 * come, as Healthchecks does. Returns a map from check id to records; throws AppError
 * (bad_request) for a count that is not a whole number in 1..400.
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

  for (const check of checks) {
    const intervals = summarizeDowntime({
      boundaries,
      flips: flipsByCheck.get(check.id) ?? [],
      status: check.status,
      checkCreatedAt: check.createdAt,
      now,
    });
    // summarizeDowntime returns newest first, so interval i belongs to periods[count - 1 - i].
    const records = intervals.map((interval, i): DowntimeRecord => {
      const end = periods[count - 1 - i]!.end;
      const length = (end.getTime() - interval.start.getTime()) / 1000;
      return {
        ...interval,
        ...civilMonth(interval.start, opts.tz),
        end,
        uptime: interval.noData ? null : Math.max(0, (length - interval.downSeconds) / length),
      };
    });
    result.set(check.id, records);
  }
  return result;
}
