import { getDb, type Check } from "../db";
import { civilFromDays, getTimeZone, wallDays } from "../schedules/zoned-time";
import { getMonthBoundaries } from "./get-month-boundaries";
import { summarizeDowntime, type DowntimeInterval } from "./summarize-downtime";

export interface MonthlyDowntime extends DowntimeInterval {
  year: number;
  /** 1-12, on the wall clock of the summary's time zone. */
  month: number;
  /** First instant of the next month. */
  end: Date;
  /** Fraction of the whole month the check was not down (0..1); null with no data. */
  uptime: number | null;
}

function civilMonth(date: Date, tz: string): { year: number; month: number } {
  let zone;
  try {
    zone = getTimeZone(tz);
  } catch {
    zone = getTimeZone("UTC");
  }
  return civilFromDays(wallDays(zone.toWall(date.getTime()).wall));
}

/**
 * Downtime per calendar month in the user's time zone (§3.6): this month and the
 * `months - 1` before it, newest first, each with its down time, number of outages and
 * uptime. Uptime is measured against the whole month, including the part of the current
 * month still to come, as Healthchecks does; months are real elapsed time, so a month with a
 * DST change is an hour shorter or longer.
 */
export async function getDowntimeSummary(
  check: Pick<Check, "id" | "status" | "createdAt">,
  opts: { tz: string; months?: number; now?: Date },
): Promise<MonthlyDowntime[]> {
  const now = opts.now ?? new Date();
  const boundaries = getMonthBoundaries(opts.months ?? 3, opts.tz, now);
  // Ends of each month: the next boundary, and for the current month the first of next month.
  const nextMonth = getMonthBoundaries(1, opts.tz, new Date(boundaries.at(-1)!.getTime() + 32 * 86_400_000))[0]!;
  const ends = [...boundaries.slice(1), nextMonth];

  const flips = await getDb().flip.findMany({
    where: { checkId: check.id, createdAt: { gt: boundaries[0] } },
    select: { createdAt: true, oldStatus: true },
  });
  const intervals = summarizeDowntime({ boundaries, flips, status: check.status, checkCreatedAt: check.createdAt, now });
  return intervals.map((interval) => {
    const end = ends[boundaries.findIndex((b) => b.getTime() === interval.start.getTime())]!;
    const length = (end.getTime() - interval.start.getTime()) / 1000;
    return {
      ...interval,
      ...civilMonth(interval.start, opts.tz),
      end,
      uptime: interval.noData ? null : Math.max(0, (length - interval.downSeconds) / length),
    };
  });
}
