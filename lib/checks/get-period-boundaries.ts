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
export function getPeriodBoundaries(
  period: DowntimePeriod,
  count: number,
  tz: string,
  now: Date = new Date(),
): PeriodBounds[] {
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
