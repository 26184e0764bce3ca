import { memoizeParser, ScheduleError } from "./parsing";
import { normalizeTimezone } from "./normalize-timezone";
import { splitWhitespace, stripWhitespace } from "../compat/python";
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  SECOND_MS,
  type TimeZone,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  getTimeZone,
  truncateToSecond,
  wallDays,
  wallHour,
  wallMinute,
  wallSecond,
  weekdayFromDays,
} from "./zoned-time";

/*
 * A port of oncalendar 1.1 (github.com/cuu508/oncalendar), the systemd
 * OnCalendar= evaluator used by Healthchecks: BaseIterator (parsing and the
 * field-by-field search), TzIterator (an optional time zone as the last word
 * of a line) and OnCalendar (several lines, earliest match wins).
 */

export interface OnCalendarLine {
  /** The line as written, whitespace-stripped. */
  readonly source: string;
  /** The time zone named at the end of the line, if any; otherwise the caller's zone applies. */
  readonly timeZone: string | null;
  /** 0 = Monday ... 6 = Sunday, as in systemd. */
  readonly weekdays: readonly number[];
  readonly years: readonly number[];
  readonly months: readonly number[];
  /** Positive: day of month. Negative: `~n`, the n-th day counting from the end of the month (-1 = last day). */
  readonly days: readonly number[];
  readonly hours: readonly number[];
  readonly minutes: readonly number[];
  readonly seconds: readonly number[];
}

export interface OnCalendarSchedule {
  readonly source: string;
  readonly lines: readonly OnCalendarLine[];
}

// systemd stops generating dates at 2200, and oncalendar does the same.
const MAX_YEAR = 2200;
const DOW = 0;
const YEAR = 1;
const MONTH = 2;
const DAY = 3;
const HOUR = 4;
const MINUTE = 5;
const SECOND = 6;
const RANGES: readonly (readonly [number, number])[] = [
  [0, 6],
  [1970, MAX_YEAR - 1],
  [1, 12],
  [1, 31],
  [0, 23],
  [0, 59],
  [0, 59],
];
const FIELD_NAMES = ["day-of-week", "year", "month", "day-of-month", "hour", "minute", "second"] as const;
const SYMBOLIC_DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
const SYMBOLIC_DAYS_SHORT = SYMBOLIC_DAYS.map((d) => d.slice(0, 3));
const SPECIALS: ReadonlyMap<string, string> = new Map([
  ["minutely", "*-*-* *:*:00"],
  ["hourly", "*-*-* *:00:00"],
  ["daily", "*-*-* 00:00:00"],
  ["monthly", "*-*-01 00:00:00"],
  ["weekly", "Mon *-*-* 00:00:00"],
  ["yearly", "*-01-01 00:00:00"],
  ["annually", "*-01-01 00:00:00"],
  ["quarterly", "*-01,04,07,10-01 00:00:00"],
  ["semiannually", "*-01,07-01 00:00:00"],
]);

function bad(field: number): ScheduleError {
  return new ScheduleError(`Bad ${FIELD_NAMES[field]}`);
}

function parseDigits(field: number, value: string): number {
  if (!/^[0-9]+$/.test(value)) throw bad(field);
  return Number(value);
}

function parseValue(field: number, s: string): number {
  if (field === DOW) {
    const upper = s.toUpperCase();
    const long = SYMBOLIC_DAYS.indexOf(upper);
    if (long >= 0) return long;
    const short = SYMBOLIC_DAYS_SHORT.indexOf(upper);
    if (short >= 0) return short;
    throw bad(field);
  }
  let v = parseDigits(field, s);
  // Two-digit years as systemd reads them: 0-69 -> 2000s, 70-99 -> 1900s.
  if (field === YEAR && v < 70) v += 2000;
  if (field === YEAR && v < 100) v += 1900;
  const [min, max] = RANGES[field]!;
  if (v < min || v > max) throw bad(field);
  return v;
}

function rangeSet(start: number, end: number, step = 1): Set<number> {
  const result = new Set<number>();
  for (let v = start; v <= end; v += step) result.add(v);
  return result;
}

// Mirrors oncalendar's Field.parse, check order included. `reverse` is set by
// a leading "~" in the day field and turns day values into negative offsets
// from the end of the month.
function parseField(field: number, s: string, reverse = false): Set<number> {
  if (field === DAY && s.startsWith("~")) return parseField(field, s.slice(1), true);

  const [min, max] = RANGES[field]!;
  if (field !== DOW && s === "*") return rangeSet(min, max);

  // systemd allows "*" only on its own, not inside lists, ranges or steps.
  if (s.includes("*")) throw bad(field);

  // "Mon, 12:00" is the same as "Mon 12:00".
  if (field === DOW && s.endsWith(",")) return parseField(field, s.slice(0, -1));

  // Weekday ranges may be written "Mon-Fri" as well as "Mon..Fri".
  if (field === DOW && s.includes("-")) return parseField(field, s.replaceAll("-", ".."));

  if (s.includes(",")) {
    const result = new Set<number>();
    for (const term of s.split(",")) {
      for (const v of parseField(field, term, reverse)) result.add(v);
    }
    return result;
  }

  if (s.includes("/") && field !== DOW) {
    const slash = s.indexOf("/");
    const step = parseDigits(field, s.slice(slash + 1));
    if (step === 0) throw bad(field);
    const items = parseField(field, s.slice(0, slash), reverse);
    if (items.size === 1) {
      const [start] = items;
      // "~7/1" runs from the 7th-last day to the end of the month.
      return rangeSet(start!, reverse ? 0 : max, step);
    }
    const sorted = [...items].sort((a, b) => a - b);
    return new Set(sorted.filter((_, i) => i % step === 0));
  }

  if (s.includes("..")) {
    const dots = s.indexOf("..");
    let start = parseValue(field, s.slice(0, dots));
    let end = parseValue(field, s.slice(dots + 2));
    if (end < start) throw bad(field);
    if (reverse) [start, end] = [-end, -start];
    return rangeSet(start, end);
  }

  let v = parseValue(field, s);
  if (reverse) {
    // systemd rejects "<month>~<day>" with a day above 28.
    if (v > 28) throw bad(field);
    v = -v;
  }
  return new Set([v]);
}

// Parsed schedules are cached and shared between callers, so they are frozen.
const sortNumbers = (values: Iterable<number>): readonly number[] => Object.freeze([...values].sort((a, b) => a - b));

function parseExpression(source: string, expression: string, timeZone: string | null): OnCalendarLine {
  const special = SPECIALS.get(expression.toLowerCase());
  const parts = splitWhitespace((special ?? expression).replaceAll("~", "-~"));
  if (parts.length === 0) throw new ScheduleError("Wrong number of fields");

  let hours: Set<number>;
  let minutes: Set<number>;
  let seconds: Set<number>;
  if (parts[parts.length - 1]!.includes(":")) {
    const time = parts.pop()!.split(":");
    if (time.length !== 2 && time.length !== 3) throw new ScheduleError("Bad time");
    hours = parseField(HOUR, time[0]!);
    minutes = parseField(MINUTE, time[1]!);
    seconds = parseField(SECOND, time[2] ?? "0");
  } else {
    hours = new Set([0]);
    minutes = new Set([0]);
    seconds = new Set([0]);
  }

  let years: Set<number>;
  let months: Set<number>;
  let days: Set<number>;
  const dateCandidate = parts[parts.length - 1];
  if (dateCandidate !== undefined && dateCandidate.includes("-") && "0123456789*".includes(dateCandidate[0]!)) {
    const date = parts.pop()!.split("-");
    if (date.length !== 2 && date.length !== 3) throw new ScheduleError("Bad date");
    if (date.length === 2) date.unshift("*");
    years = parseField(YEAR, date[0]!);
    months = parseField(MONTH, date[1]!);
    days = parseField(DAY, date[2]!);
  } else {
    years = rangeSet(RANGES[YEAR]![0], RANGES[YEAR]![1]);
    months = rangeSet(1, 12);
    days = rangeSet(1, 31);
  }

  const weekdays = parts.length > 0 ? parseField(DOW, parts.shift()!) : rangeSet(0, 6);
  if (parts.length > 0) throw new ScheduleError("Wrong number of fields");

  return Object.freeze({
    source,
    timeZone,
    weekdays: sortNumbers(weekdays),
    years: sortNumbers(years),
    months: sortNumbers(months),
    days: sortNumbers(days),
    hours: sortNumbers(hours),
    minutes: sortNumbers(minutes),
    seconds: sortNumbers(seconds),
  });
}

// oncalendar's TzIterator: if the line has more than one word and the last
// word is a time zone, that zone applies to the line. No zone name starts
// with a digit or "*", which saves a lookup for the common "... 12:00" case.
function parseLine(raw: string): OnCalendarLine {
  const source = stripWhitespace(raw);
  if (source.includes(" ")) {
    const words = splitWhitespace(source);
    const last = words[words.length - 1]!;
    if (!"0123456789*".includes(last[0]!) && normalizeTimezone(last) !== null) {
      const head = stripWhitespace(source.slice(0, source.length - last.length));
      return parseExpression(source, head, last);
    }
  }
  return parseExpression(source, source, null);
}

/**
 * Parses one or more OnCalendar expressions separated by newlines, each
 * optionally ending with a time zone name. Throws ScheduleError.
 */
export function parseOnCalendar(text: string): OnCalendarSchedule {
  const lines = stripWhitespace(text).split("\n").map(parseLine);
  return Object.freeze({ source: text, lines: Object.freeze(lines) });
}

interface Matcher {
  weekdays: Uint8Array;
  years: Uint8Array;
  months: Uint8Array;
  /** Indexed by day + 32, so negative (from-the-end) days fit. */
  days: Uint8Array;
  anyReverseDay: boolean;
  hours: Uint8Array;
  minutes: Uint8Array;
  seconds: Uint8Array;
  singleSecond: number | null;
}

const matchers = new WeakMap<OnCalendarLine, Matcher>();

function mask(size: number, values: Iterable<number>, offset = 0): Uint8Array {
  const result = new Uint8Array(size);
  for (const v of values) result[v + offset] = 1;
  return result;
}

function matcherFor(line: OnCalendarLine): Matcher {
  let matcher = matchers.get(line);
  if (matcher === undefined) {
    matcher = {
      weekdays: mask(7, line.weekdays),
      years: mask(MAX_YEAR, line.years),
      months: mask(13, line.months),
      days: mask(64, line.days, 32),
      anyReverseDay: line.days.some((d) => d < 0),
      hours: mask(24, line.hours),
      minutes: mask(60, line.minutes),
      seconds: mask(60, line.seconds),
      singleSecond: line.seconds.length === 1 ? line.seconds[0]! : null,
    };
    matchers.set(line, matcher);
  }
  return matcher;
}

/**
 * BaseIterator's state: a naive wall-clock time in the line's zone, stepped
 * with plain arithmetic. DST only matters when a candidate is found: a time in
 * a spring-forward gap does not exist and is skipped (unlike cron, nothing
 * runs late), and a repeated time resolves to its first occurrence.
 */
class OnCalendarCursor {
  private wall: number;

  constructor(
    private readonly m: Matcher,
    private readonly zone: TimeZone,
    start: number,
  ) {
    this.wall = truncateToSecond(zone.toWall(start).wall);
  }

  next(): number | null {
    this.wall += SECOND_MS;
    for (;;) {
      this.advanceYear();
      if (civilFromDays(wallDays(this.wall)).year >= MAX_YEAR) return null;
      if (this.advanceMonth()) continue;
      if (this.advanceDay()) continue;
      if (this.advanceHour()) continue;
      if (this.advanceMinute()) continue;
      if (this.advanceSecond()) continue;
      if (this.zone.isImaginary(this.wall)) {
        this.wall += SECOND_MS;
        continue;
      }
      return this.zone.toUtc(this.wall, 0);
    }
  }

  private setDate(days: number): void {
    this.wall = days * DAY_MS;
  }

  private advanceYear(): void {
    let { year } = civilFromDays(wallDays(this.wall));
    if (this.m.years[year] === 1) return;
    while (this.m.years[year] !== 1 && year < MAX_YEAR) year += 1;
    this.setDate(daysFromCivil(year, 1, 1));
  }

  private advanceMonth(): boolean {
    let { year, month } = civilFromDays(wallDays(this.wall));
    if (this.m.months[month] === 1) return false;
    while (this.m.months[month] !== 1) {
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    this.setDate(daysFromCivil(year, month, 1));
    return true;
  }

  private matchDay(days: number): boolean {
    const m = this.m;
    if (m.weekdays[(weekdayFromDays(days) + 6) % 7] !== 1) return false;
    const { year, month, day } = civilFromDays(days);
    if (m.days[day + 32] === 1) return true;
    return m.anyReverseDay && m.days[day - daysInMonth(year, month) - 1 + 32] === 1;
  }

  private advanceDay(): boolean {
    let days = wallDays(this.wall);
    if (this.matchDay(days)) return false;
    while (!this.matchDay(days)) {
      days += 1;
      // Re-check year and month at each month boundary.
      if (civilFromDays(days).day === 1) break;
    }
    this.setDate(days);
    return true;
  }

  private advanceHour(): boolean {
    if (this.m.hours[wallHour(this.wall)] === 1) return false;
    this.wall = wallDays(this.wall) * DAY_MS + wallHour(this.wall) * HOUR_MS;
    while (this.m.hours[wallHour(this.wall)] !== 1) {
      this.wall += HOUR_MS;
      if (wallHour(this.wall) === 0) break;
    }
    return true;
  }

  private advanceMinute(): boolean {
    if (this.m.minutes[wallMinute(this.wall)] === 1) return false;
    this.wall -= wallSecond(this.wall) * SECOND_MS;
    while (this.m.minutes[wallMinute(this.wall)] !== 1) {
      this.wall += MINUTE_MS;
      if (wallMinute(this.wall) === 0) break;
    }
    return true;
  }

  private advanceSecond(): boolean {
    const current = wallSecond(this.wall);
    if (this.m.seconds[current] === 1) return false;
    if (this.m.singleSecond !== null) {
      this.wall += ((((this.m.singleSecond - current) % 60) + 60) % 60) * SECOND_MS;
    }
    while (this.m.seconds[wallSecond(this.wall)] !== 1) {
      this.wall += SECOND_MS;
      if (wallSecond(this.wall) === 0) break;
    }
    return true;
  }
}

const parseCached = memoizeParser(parseOnCalendar);

/**
 * The earliest time strictly after `after` matched by any line of the
 * schedule. Lines without their own time zone use `tz`. Returns null when no
 * line has a match before the year 2200.
 */
export function nextOnCalendarMatch(
  schedule: OnCalendarSchedule | string,
  after: Date,
  tz: string,
): Date | null {
  const parsed = typeof schedule === "string" ? parseCached(schedule) : schedule;
  const start = after.getTime();
  if (!Number.isFinite(start)) throw new ScheduleError("Invalid start time");
  const defaultZone = getTimeZone(tz);
  let best: number | null = null;
  for (const line of parsed.lines) {
    const zone = line.timeZone === null ? defaultZone : getTimeZone(line.timeZone);
    const cursor = new OnCalendarCursor(matcherFor(line), zone, start);
    // The naive local search can return a first-pass time when starting in
    // the second pass of a repeated hour, i.e. before `after`; skip those.
    let next = cursor.next();
    while (next !== null && next <= start) next = cursor.next();
    if (next !== null && (best === null || next < best)) best = next;
  }
  return best === null ? null : new Date(best);
}
