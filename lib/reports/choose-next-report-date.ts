import { DAY_MS, HOUR_MS, MINUTE_MS, civilFromDays, getTimeZoneOrUtc, wallDays, weekdayFromDays } from "../schedules/zoned-time";

/**
 * When the next report is due (Healthchecks' Profile.choose_next_report_date): 09:00 plus a
 * random 0–119 minutes on the user's wall clock, on the next day (daily), the next Monday
 * (weekly) or the next 1st of a month (monthly), always after today. The random minutes spread
 * the sending of many accounts over two hours. Returns null for "off" and unknown values. An
 * unknown time zone counts as UTC.
 *
 * Days are counted on the wall clock and only the final reading is converted to an instant, so
 * a DST change in between does not move the report off 09:00–11:00 local time.
 */
export function chooseNextReportDate(
  reports: string,
  tz: string,
  now: Date = new Date(),
  random: () => number = Math.random,
): Date | null {
  if (reports !== "daily" && reports !== "weekly" && reports !== "monthly") return null;
  const zone = getTimeZoneOrUtc(tz);
  const minutes = Math.floor(random() * 120);
  let day = wallDays(zone.toWall(now.getTime()).wall);
  for (;;) {
    day += 1;
    const matches =
      reports === "daily" ||
      (reports === "weekly" && weekdayFromDays(day) === 1) ||
      (reports === "monthly" && civilFromDays(day).day === 1);
    if (matches) return new Date(zone.toUtc(day * DAY_MS + 9 * HOUR_MS + minutes * MINUTE_MS));
  }
}
