import { civilFromDays, getTimeZone, wallDays, wallHour, wallMinute, wallSecond } from "./zoned-time";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/**
 * ISO 8601 text for an instant as read on the wall clock of zone `tz`, with
 * its UTC offset, e.g. "2021-03-28T04:00:00+03:00" (Python's isoformat()
 * layout, which keeps ports of cronsim/oncalendar test cases readable).
 */
export function isoInZone(date: Date, tz: string): string {
  const zone = getTimeZone(tz);
  const utc = date.getTime();
  const offsetMinutes = Math.round(zone.offsetAt(utc) / 60_000);
  const wall = utc + zone.offsetAt(utc);
  const { year, month, day } = civilFromDays(wallDays(wall));
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(wallHour(wall))}:${pad(wallMinute(wall))}:${pad(wallSecond(wall))}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
