import { ScheduleError } from "./parsing";

/*
 * Wall-clock time is represented as a plain number: the milliseconds the wall
 * clock reading would have if it were UTC ("wall ms"). That keeps calendar
 * arithmetic on the schedule side integer-only; only the conversions between
 * wall ms and real instants need the zone rules.
 */

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/** A wall-clock reading plus Python's PEP 495 `fold` (1 = the second of two identical readings). */
export interface WallTime {
  wall: number;
  fold: 0 | 1;
}

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

function mod(a: number, b: number): number {
  return a - Math.floor(a / b) * b;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = floorDiv(153 * mp + 2, 5) + day - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month]!;
}

/** Day of week for a day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayFromDays(days: number): number {
  return mod(days + 4, 7);
}

export function wallDays(wall: number): number {
  return floorDiv(wall, DAY_MS);
}

export function wallHour(wall: number): number {
  return floorDiv(mod(wall, DAY_MS), HOUR_MS);
}

export function wallMinute(wall: number): number {
  return floorDiv(mod(wall, HOUR_MS), MINUTE_MS);
}

export function wallSecond(wall: number): number {
  return floorDiv(mod(wall, MINUTE_MS), SECOND_MS);
}

/** Wall ms with the sub-second part dropped (Python's `replace(microsecond=0)`). */
export function truncateToSecond(wall: number): number {
  return wall - mod(wall, SECOND_MS);
}

export function truncateToMinute(wall: number): number {
  return wall - mod(wall, MINUTE_MS);
}

/*
 * Offsets are looked up per one-day bucket of UTC time. If the offsets at both
 * ends of a bucket agree, the whole bucket has that offset: in tzdata no zone
 * has two offset changes less than two days apart since 1900 (checked against
 * every TZif file). Otherwise the single transition inside is bisected to the
 * second once and remembered. This keeps Intl (the expensive part, ~4µs a
 * call) off the hot path: a zone costs a handful of Intl calls per day of
 * time ever queried, then only Map lookups.
 */
const BUCKET_MS = DAY_MS;
const MAX_CACHED_BUCKETS = 4096;

type Bucket = number | { at: number; before: number; after: number };

export class TimeZone {
  readonly name: string;
  private readonly formatter: Intl.DateTimeFormat | null;
  private readonly boundaries = new Map<number, number>();
  private readonly buckets = new Map<number, Bucket>();

  constructor(name: string) {
    this.name = name;
    this.formatter =
      name === "UTC" || name === "Etc/UTC"
        ? null
        : new Intl.DateTimeFormat("en-US", {
            timeZone: name,
            hourCycle: "h23",
            year: "numeric",
            month: "numeric",
            day: "numeric",
            hour: "numeric",
            minute: "numeric",
            second: "numeric",
          });
  }

  /** UTC offset in ms (local minus UTC) in force at the given instant. */
  offsetAt(utc: number): number {
    if (this.formatter === null) return 0;
    const key = floorDiv(utc, BUCKET_MS);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = this.computeBucket(key);
      if (this.buckets.size >= MAX_CACHED_BUCKETS) this.buckets.clear();
      this.buckets.set(key, bucket);
    }
    if (typeof bucket === "number") return bucket;
    return utc < bucket.at ? bucket.before : bucket.after;
  }

  /** The wall clock reading at an instant, with fold=1 on the second pass through a repeated hour. */
  toWall(utc: number): WallTime {
    const wall = utc + this.offsetAt(utc);
    return { wall, fold: this.toUtc(wall, 0) < utc ? 1 : 0 };
  }

  /**
   * The instant of a wall clock reading, with zoneinfo's (PEP 495) rules:
   * an ambiguous reading is the first occurrence for fold=0 and the second
   * for fold=1; a reading inside a gap is interpreted with the offset from
   * before the transition for fold=0 (so it lands after the gap) and the
   * offset from after it for fold=1.
   */
  toUtc(wall: number, fold: 0 | 1 = 0): number {
    if (this.formatter === null) return wall;
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    const early = wall - before;
    if (before === after) return early;
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) {
      return fold === 0 ? Math.min(early, late) : Math.max(early, late);
    }
    if (earlyValid) return early;
    if (lateValid) return late;
    return fold === 0 ? early : late;
  }

  /** True if the reading never shows on this zone's clocks (it falls in a spring-forward gap). */
  isImaginary(wall: number): boolean {
    const utc = this.toUtc(wall, 0);
    return utc + this.offsetAt(utc) !== wall;
  }

  private computeBucket(key: number): Bucket {
    const start = key * BUCKET_MS;
    const end = start + BUCKET_MS;
    const first = this.boundaryOffset(start);
    const last = this.boundaryOffset(end);
    if (first === last) return first;
    let lo = start;
    let hi = end;
    while (hi - lo > SECOND_MS) {
      const mid = lo + floorDiv(hi - lo, 2 * SECOND_MS) * SECOND_MS;
      if (this.intlOffset(mid) === first) lo = mid;
      else hi = mid;
    }
    return { at: hi, before: first, after: this.intlOffset(hi) };
  }

  private boundaryOffset(utc: number): number {
    let offset = this.boundaries.get(utc);
    if (offset === undefined) {
      offset = this.intlOffset(utc);
      if (this.boundaries.size >= MAX_CACHED_BUCKETS) this.boundaries.clear();
      this.boundaries.set(utc, offset);
    }
    return offset;
  }

  private intlOffset(utc: number): number {
    const formatter = this.formatter;
    if (formatter === null) return 0;
    const instant = utc - mod(utc, SECOND_MS);
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of formatter.formatToParts(instant)) {
      switch (part.type) {
        case "year":
          year = Number(part.value);
          break;
        case "month":
          month = Number(part.value);
          break;
        case "day":
          day = Number(part.value);
          break;
        case "hour":
          hour = Number(part.value);
          break;
        case "minute":
          minute = Number(part.value);
          break;
        case "second":
          second = Number(part.value);
          break;
        default:
          break;
      }
    }
    const wall = daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * SECOND_MS;
    return wall - instant;
  }
}

const zones = new Map<string, TimeZone>();

/**
 * A cached TimeZone for an IANA name (anything Intl accepts, legacy names
 * included). Throws ScheduleError for unknown names.
 */
export function getTimeZone(name: string): TimeZone {
  let zone = zones.get(name);
  if (zone === undefined) {
    try {
      zone = new TimeZone(name);
    } catch {
      throw new ScheduleError(`Unknown time zone: ${name}`);
    }
    if (zones.size >= 1024) zones.clear();
    zones.set(name, zone);
  }
  return zone;
}

/** getTimeZone(name), or UTC for an unknown name: for views that must not fail on a bad zone. */
export function getTimeZoneOrUtc(name: string): TimeZone {
  try {
    return getTimeZone(name);
  } catch {
    return getTimeZone("UTC");
  }
}

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
