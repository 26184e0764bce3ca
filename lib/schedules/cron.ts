import { memoizeParser, ScheduleError } from "./parsing";
import { splitWhitespace } from "../compat/python";
import {
  DAY_MS,
  MINUTE_MS,
  type TimeZone,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  getTimeZone,
  truncateToMinute,
  wallDays,
  wallHour,
  wallMinute,
  weekdayFromDays,
} from "./zoned-time";

/*
 * A port of cronsim 2.x (github.com/cuu508/cronsim), the cron evaluator used by
 * Healthchecks, restricted to 5-field expressions. Parsing, validation and the
 * field-by-field search (including its Debian-cron DST quirks) follow cronsim
 * step by step, so results match Healthchecks minute for minute.
 */

export interface NthDayOfWeek {
  /** 0-7 as written (0 and 7 are both Sunday). */
  dayOfWeek: number;
  /** 1-5 */
  nth: number;
}

export interface CronExpression {
  readonly source: string;
  /** The five fields, upper-cased. */
  readonly fields: readonly string[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** Numeric days of month; `L` and `LW` are the flags below. */
  readonly daysOfMonth: readonly number[];
  readonly lastDayOfMonth: boolean;
  readonly lastWeekdayOfMonth: boolean;
  readonly months: readonly number[];
  /** Plain days of week, 0-7 as written. */
  readonly daysOfWeek: readonly number[];
  /** `<dow>L` terms: the last such weekday of the month. */
  readonly lastDaysOfWeek: readonly number[];
  /** `<dow>#<n>` terms. */
  readonly nthDaysOfWeek: readonly NthDayOfWeek[];
  /**
   * Debian cron ANDs day-of-month and day-of-week when either field starts
   * with "*", and ORs them otherwise.
   */
  readonly dayAnd: boolean;
  /**
   * When neither the minute nor the hour field starts with "*", the job runs
   * at specific wall-clock times, and (like Debian cron) the search happens
   * on the local wall clock: a time skipped by spring-forward runs at the
   * first minute after the gap, a time repeated by fall-back runs once.
   * Other expressions step through real minutes, so `*\/15 * * * *` keeps
   * firing every 15 real minutes across DST changes.
   */
  readonly wallClock: boolean;
}

const FIELD_NAMES = ["minute", "hour", "day-of-month", "month", "day-of-week"] as const;
const RANGES: readonly (readonly [number, number])[] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];
const SYMBOLIC_DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const SYMBOLIC_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS_IN_MONTH = [-1, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MINUTE = 0;
const HOUR = 1;
const DAY = 2;
const MONTH = 3;
const DOW = 4;

// cronsim keeps every field as a set mixing plain ints with sentinels/tuples;
// here they are encoded as numbers so one Set type does for all fields.
const LAST = -1000;
const LAST_WEEKDAY = -1001;
const encodeLastDow = (dow: number): number => -(100 + dow);
const encodeNthDow = (dow: number, nth: number): number => -(200 + dow * 10 + nth);

function bad(field: number): ScheduleError {
  return new ScheduleError(`Bad ${FIELD_NAMES[field]}`);
}

// Digits only: cronsim rejects signs, underscores and non-ASCII digits that
// Python's int() would otherwise accept.
function parseDigits(field: number, value: string): number {
  if (!/^[0-9]+$/.test(value)) throw bad(field);
  return Number(value);
}

function parseValue(field: number, s: string): number {
  if (field === MONTH) {
    const index = SYMBOLIC_MONTHS.indexOf(s);
    if (index >= 0) return index + 1;
  }
  if (field === DOW) {
    const index = SYMBOLIC_DAYS.indexOf(s);
    if (index >= 0) return index;
  }
  const v = parseDigits(field, s);
  const [min, max] = RANGES[field]!;
  if (v < min || v > max) throw bad(field);
  return v;
}

function rangeSet(start: number, end: number, step = 1): Set<number> {
  const result = new Set<number>();
  for (let v = start; v <= end; v += step) result.add(v);
  return result;
}

// Mirrors cronsim's Field.parse, including the order of the checks, which
// decides what is rejected (e.g. "5L/3" fails on the L rule before "/" is seen).
function parseField(field: number, s: string): Set<number> {
  const [min, max] = RANGES[field]!;
  if (s === "*") return rangeSet(min, max);

  if (s.includes(",")) {
    const result = new Set<number>();
    for (const term of s.split(",")) {
      for (const v of parseField(field, term)) result.add(v);
    }
    return result;
  }

  if (field === DOW && s.includes("L")) {
    const value = s.slice(0, -1);
    if (!/^[0-9]+$/.test(value)) throw bad(field);
    return new Set([encodeLastDow(parseValue(field, value))]);
  }

  if (s.includes("#") && field === DOW) {
    const hash = s.indexOf("#");
    const nth = parseDigits(field, s.slice(hash + 1));
    if (nth < 1 || nth > 5) throw bad(field);
    return new Set([encodeNthDow(parseValue(field, s.slice(0, hash)), nth)]);
  }

  if (s.includes("/")) {
    const slash = s.indexOf("/");
    const step = parseDigits(field, s.slice(slash + 1));
    if (step === 0) throw bad(field);
    const items = parseField(field, s.slice(0, slash));
    // "L/2" and "LW/2" are accepted and the step ignored, as in cronsim.
    if (items.size === 1 && (items.has(LAST) || items.has(LAST_WEEKDAY))) return items;
    if (items.size === 1) {
      const [start] = items;
      return rangeSet(start!, max, step);
    }
    const sorted = [...items].sort((a, b) => a - b);
    return new Set(sorted.filter((_, i) => i % step === 0));
  }

  if (s.includes("-")) {
    const dash = s.indexOf("-");
    const start = parseValue(field, s.slice(0, dash));
    const end = parseValue(field, s.slice(dash + 1));
    if (end < start) throw bad(field);
    return rangeSet(start, end);
  }

  if (field === DAY && s === "LW") return new Set([LAST_WEEKDAY]);
  if (field === DAY && s === "L") return new Set([LAST]);

  return new Set([parseValue(field, s)]);
}

interface Matcher {
  minutes: Uint8Array;
  singleMinute: number | null;
  hours: Uint8Array;
  days: Uint8Array;
  last: boolean;
  lastWeekday: boolean;
  months: Uint8Array;
  /** Indexed 0-7; index 7 is Sunday written as 7. */
  weekdays: Uint8Array;
  /** Indexed by JS weekday (0 = Sunday). */
  lastWeekdays: Uint8Array;
  /** Indexed by JS weekday * 6 + nth. */
  nthWeekdays: Uint8Array;
  dayAnd: boolean;
  wallClock: boolean;
}

const matchers = new WeakMap<CronExpression, Matcher>();

function mask(size: number, values: Iterable<number>): Uint8Array {
  const result = new Uint8Array(size);
  for (const v of values) result[v] = 1;
  return result;
}

function matcherFor(expr: CronExpression): Matcher {
  let matcher = matchers.get(expr);
  if (matcher === undefined) {
    const nth = new Uint8Array(7 * 6);
    for (const term of expr.nthDaysOfWeek) nth[(term.dayOfWeek % 7) * 6 + term.nth] = 1;
    matcher = {
      minutes: mask(60, expr.minutes),
      singleMinute: expr.minutes.length === 1 ? expr.minutes[0]! : null,
      hours: mask(24, expr.hours),
      days: mask(32, expr.daysOfMonth),
      last: expr.lastDayOfMonth,
      lastWeekday: expr.lastWeekdayOfMonth,
      months: mask(13, expr.months),
      weekdays: mask(8, expr.daysOfWeek),
      lastWeekdays: mask(7, expr.lastDaysOfWeek.map((d) => d % 7)),
      nthWeekdays: nth,
      dayAnd: expr.dayAnd,
      wallClock: expr.wallClock,
    };
    matchers.set(expr, matcher);
  }
  return matcher;
}

// Parsed expressions are cached and shared between callers, so they are frozen.
const sortNumbers = (values: Iterable<number>): readonly number[] => Object.freeze([...values].sort((a, b) => a - b));

/** Parses a 5-field cron expression with cronsim's rules. Throws ScheduleError. */
export function parseCron(expr: string): CronExpression {
  const fields = splitWhitespace(expr.toUpperCase());
  if (fields.length !== 5) throw new ScheduleError("Wrong number of fields");

  const minutes = parseField(MINUTE, fields[0]!);
  const hours = parseField(HOUR, fields[1]!);
  const days = parseField(DAY, fields[2]!);
  const months = parseField(MONTH, fields[3]!);
  const weekdays = parseField(DOW, fields[4]!);

  // cronsim rejects day-of-month values that no selected month can reach
  // (e.g. "0 0 30 2 *"), but only looks at the smallest day: "0 0 1,30 2 *"
  // is accepted. The L/LW sentinels are negative and so skip the check.
  if (days.size > 0) {
    const smallest = Math.min(...days);
    if (smallest > 29) {
      const longest = Math.max(...[...months].map((m) => DAYS_IN_MONTH[m]!));
      if (smallest > longest) throw bad(DAY);
    }
  }

  const lastDaysOfWeek: number[] = [];
  const nthDaysOfWeek: NthDayOfWeek[] = [];
  const daysOfWeek: number[] = [];
  for (const v of sortNumbers(weekdays)) {
    if (v >= 0) daysOfWeek.push(v);
    else if (v > -200) lastDaysOfWeek.push(-v - 100);
    else nthDaysOfWeek.push(Object.freeze({ dayOfWeek: Math.floor((-v - 200) / 10), nth: (-v - 200) % 10 }));
  }

  return Object.freeze({
    source: expr,
    fields: Object.freeze(fields),
    minutes: sortNumbers(minutes),
    hours: sortNumbers(hours),
    daysOfMonth: sortNumbers([...days].filter((d) => d > 0)),
    lastDayOfMonth: days.has(LAST),
    lastWeekdayOfMonth: days.has(LAST_WEEKDAY),
    months: sortNumbers(months),
    daysOfWeek: Object.freeze(daysOfWeek),
    lastDaysOfWeek: Object.freeze(lastDaysOfWeek),
    nthDaysOfWeek: Object.freeze(nthDaysOfWeek),
    dayAnd: fields[2]!.startsWith("*") || fields[4]!.startsWith("*"),
    wallClock: !fields[0]!.startsWith("*") && !fields[1]!.startsWith("*"),
  });
}

function lastWeekdayOfMonth(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const dow = weekdayFromDays(daysFromCivil(year, month, last));
  if (dow === 0) return last - 2;
  if (dow === 6) return last - 1;
  return last;
}

function matchDay(m: Matcher, days: number): boolean {
  const { year, month, day } = civilFromDays(days);
  const dow = weekdayFromDays(days);

  let dom = m.days[day] === 1;
  // No month is shorter than 28 days, so L/LW cannot match earlier dates.
  if (!dom && m.lastWeekday && day >= 26 && day === lastWeekdayOfMonth(year, month)) dom = true;
  if (!dom && m.last && day >= 28 && day === daysInMonth(year, month)) dom = true;

  let dowMatch = m.weekdays[dow] === 1 || (dow === 0 && m.weekdays[7] === 1);
  if (!dowMatch && m.lastWeekdays[dow] === 1 && day + 7 > daysInMonth(year, month)) dowMatch = true;
  if (!dowMatch && m.nthWeekdays[dow * 6 + Math.floor((day + 6) / 7)] === 1) dowMatch = true;

  return m.dayAnd ? dom && dowMatch : dom || dowMatch;
}

/**
 * cronsim's iterator state. `wall` is the current candidate as a wall-clock
 * reading. In wall-clock mode it is a naive local time stepped with plain
 * arithmetic; otherwise every step goes through UTC (like cronsim's aware
 * datetimes), with `fold` telling apart the two passes through a repeated hour.
 */
class CronCursor {
  private wall: number;
  private fold: 0 | 1;

  constructor(
    private readonly m: Matcher,
    private readonly zone: TimeZone,
    start: number,
  ) {
    const local = zone.toWall(start);
    this.wall = truncateToMinute(local.wall);
    this.fold = m.wallClock ? 0 : local.fold;
  }

  /** The next match as a UTC instant, or null after 50 years without one. */
  next(): number | null {
    const m = this.m;
    this.tick(1);
    const startYear = civilFromDays(wallDays(this.wall)).year;
    for (;;) {
      this.advanceMonth();
      if (civilFromDays(wallDays(this.wall)).year > startYear + 50) return null;
      if (this.advanceDay()) continue;
      if (this.advanceHour()) continue;
      if (this.advanceMinute()) continue;

      if (m.wallClock) {
        // A time skipped by spring-forward moves to the first real minute
        // after the gap, ignoring the fields (Debian cron runs such jobs then).
        while (this.zone.isImaginary(this.wall)) this.wall += MINUTE_MS;
        // fold=0: a repeated time resolves to its first occurrence.
        return this.zone.toUtc(this.wall, 0);
      }
      return this.zone.toUtc(this.wall, this.fold);
    }
  }

  private tick(minutes: number): void {
    if (this.m.wallClock) {
      this.wall += minutes * MINUTE_MS;
      return;
    }
    const local = this.zone.toWall(this.zone.toUtc(this.wall, this.fold) + minutes * MINUTE_MS);
    this.wall = local.wall;
    this.fold = local.fold;
  }

  private setDate(days: number): void {
    this.wall = days * DAY_MS;
    this.fold = 0;
  }

  private advanceMonth(): void {
    let { year, month } = civilFromDays(wallDays(this.wall));
    if (this.m.months[month] === 1) return;
    while (this.m.months[month] !== 1) {
      month += 1;
      if (month > 12) {
        month = 1;
        year += 1;
      }
    }
    this.setDate(daysFromCivil(year, month, 1));
  }

  private advanceDay(): boolean {
    let days = wallDays(this.wall);
    if (matchDay(this.m, days)) return false;
    while (!matchDay(this.m, days)) {
      days += 1;
      // Stop at a month boundary so the month is re-checked; this is what
      // keeps "0 0 * 2 MON#5" from crawling through every day of the year.
      if (civilFromDays(days).day === 1) break;
    }
    this.setDate(days);
    return true;
  }

  private advanceHour(): boolean {
    const hours = this.m.hours;
    if (hours[wallHour(this.wall)] === 1) return false;
    this.wall -= wallMinute(this.wall) * MINUTE_MS;
    while (hours[wallHour(this.wall)] !== 1) {
      this.tick(60);
      if (wallHour(this.wall) === 0) break;
    }
    return true;
  }

  private advanceMinute(): boolean {
    const minutes = this.m.minutes;
    const current = wallMinute(this.wall);
    if (minutes[current] === 1) return false;
    if (this.m.singleMinute !== null) {
      this.tick((((this.m.singleMinute - current) % 60) + 60) % 60);
    }
    while (minutes[wallMinute(this.wall)] !== 1) {
      this.tick(1);
      if (wallMinute(this.wall) === 0) break;
    }
    return true;
  }
}

const parseCached = memoizeParser(parseCron);

/**
 * The first time strictly after `after` that matches the expression in time
 * zone `tz`, or null if there is none within 50 years (cronsim's limit).
 * Seconds are ignored: the search starts at the minute after `after`.
 */
export function nextCronMatch(expr: CronExpression | string, after: Date, tz: string): Date | null {
  const parsed = typeof expr === "string" ? parseCached(expr) : expr;
  const start = after.getTime();
  if (!Number.isFinite(start)) throw new ScheduleError("Invalid start time");
  const cursor = new CronCursor(matcherFor(parsed), getTimeZone(tz), start);
  // cronsim walks wall-clock expressions on the naive local clock, so a start
  // in the second pass of a repeated hour can yield a time from the first
  // pass, i.e. before `after`. Skip such results: callers need a future time.
  for (;;) {
    const next = cursor.next();
    if (next === null) return null;
    if (next > start) return new Date(next);
  }
}
