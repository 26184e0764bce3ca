import { DAY_MS, civilFromDays, daysFromCivil, getTimeZone, wallDays, type TimeZone } from "../schedules/zoned-time";

function zoneOrUtc(tz: string): TimeZone {
  try {
    return getTimeZone(tz);
  } catch {
    return getTimeZone("UTC");
  }
}

/**
 * The first instants of the current month and the `months - 1` before it, on the wall clock of
 * `tz` (Healthchecks' month_boundaries), oldest first. A midnight that falls into a DST gap
 * resolves to the first instant after the gap, as Python's zoneinfo does. An unknown zone
 * counts as UTC.
 */
export function getMonthBoundaries(months: number, tz: string, now: Date = new Date()): Date[] {
  const zone = zoneOrUtc(tz);
  let { year, month } = civilFromDays(wallDays(zone.toWall(now.getTime()).wall));
  const result: Date[] = [];
  for (let i = 0; i < months; i++) {
    result.unshift(new Date(zone.toUtc(daysFromCivil(year, month, 1) * DAY_MS)));
    if (month === 1) {
      year -= 1;
      month = 12;
    } else {
      month -= 1;
    }
  }
  return result;
}
