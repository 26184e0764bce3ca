import { parseCron } from "./cron";
import { parseOnCalendar } from "./oncalendar";
import { splitWhitespace, stripWhitespace } from "../compat/python";
import { detectScheduleKind } from "./schedule";

/*
 * Plain-English descriptions for the schedule dialog. Both syntaxes are first parsed by the
 * real evaluators (so the description can never disagree with what is accepted) and reduced to
 * one shape; only common forms are described, anything else falls back to the expression.
 */

/** Days of week use cron numbering, 0 = Sunday. */
interface Shape {
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: readonly number[];
  lastDayOfMonth: boolean;
  lastWeekdayOfMonth: boolean;
  months: readonly number[];
  daysOfWeek: readonly number[];
  lastDaysOfWeek: readonly number[];
  nthDaysOfWeek: readonly { dayOfWeek: number; nth: number }[];
  /** Debian cron ORs day-of-month and day-of-week unless either field starts with "*". */
  dayAnd: boolean;
}

const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const NTH = ["", "first", "second", "third", "fourth", "fifth"];
/** Listing more fire times than this reads worse than the expression itself. */
const MAX_TIMES = 6;

class Unsupported extends Error {}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const pad = (n: number) => String(n).padStart(2, "0");
const isAll = (values: readonly number[], min: number, max: number) => values.length === max - min + 1;

/** The step N if values are exactly 0, N, 2N, … covering the field evenly (N ≥ 2). */
function evenStep(values: readonly number[], size: number): number | null {
  if (values.length < 2 || values[0] !== 0) return null;
  const step = values[1]!;
  if (size % step !== 0 || values.length !== size / step) return null;
  return values.every((v, i) => v === i * step) ? step : null;
}

/** [a, b] if values are one contiguous run. */
function run(values: readonly number[]): [number, number] | null {
  if (values.length === 0) return null;
  return values.every((v, i) => v === values[0]! + i) ? [values[0]!, values.at(-1)!] : null;
}

function describeTime(s: Shape): { text: string; everyDayImplied: boolean } {
  const allMinutes = isAll(s.minutes, 0, 59);
  const allHours = isAll(s.hours, 0, 23);
  const minuteStep = evenStep(s.minutes, 60);
  const hourStep = evenStep(s.hours, 24);

  if (allMinutes || minuteStep) {
    const every = allMinutes ? "every minute" : `every ${minuteStep} minutes`;
    if (allHours) return { text: every, everyDayImplied: true };
    const hours = run(s.hours);
    if (hours) return { text: `${every} between ${pad(hours[0])}:00 and ${pad(hours[1])}:59`, everyDayImplied: true };
    if (s.hours.length <= MAX_TIMES) {
      return { text: `${every} during hours ${list(s.hours.map(String))}`, everyDayImplied: true };
    }
    throw new Unsupported();
  }

  if (s.minutes.length > MAX_TIMES) throw new Unsupported();
  const minutes = s.minutes.length === 1 ? `minute ${s.minutes[0]}` : `minutes ${list(s.minutes.map(String))}`;
  if (allHours || hourStep) {
    const every = allHours ? "every hour" : `every ${hourStep} hours`;
    const onTheHour = s.minutes.length === 1 && s.minutes[0] === 0;
    return { text: onTheHour ? every : `${every} at ${minutes}`, everyDayImplied: true };
  }
  if (s.minutes.length * s.hours.length <= MAX_TIMES) {
    const times = s.hours.flatMap((h) => s.minutes.map((m) => `${pad(h)}:${pad(m)}`));
    return { text: `at ${list(times)}`, everyDayImplied: false };
  }
  throw new Unsupported();
}

function describeDaysOfWeek(s: Shape): string {
  const plain = [...new Set(s.daysOfWeek.map((d) => d % 7))].sort((a, b) => a - b);
  const parts: string[] = [];
  if (plain.length > 0) {
    const key = plain.join(",");
    if (key === "1,2,3,4,5") parts.push("on weekdays");
    else if (key === "0,6") parts.push("on weekends");
    else if (plain.length === 1) parts.push(`every ${DAY_NAMES[plain[0]!]}`);
    else parts.push(`on ${list(plain.map((d) => DAY_NAMES[d]!))}`);
  }
  const special = [
    ...s.lastDaysOfWeek.map((d) => `the last ${DAY_NAMES[d % 7]}`),
    ...s.nthDaysOfWeek.map((t) => `the ${NTH[t.nth]} ${DAY_NAMES[t.dayOfWeek % 7]}`),
  ];
  if (special.length > 0) parts.push(`on ${list(special)} of the month`);
  return parts.join(" and ");
}

function describeDaysOfMonth(s: Shape): string {
  const days = s.daysOfMonth;
  const items: string[] = [];
  const span = run(days);
  if (span && days.length > 3) items.push(`every day from the ${ordinal(span[0])} to the ${ordinal(span[1])}`);
  else if (days.length <= 5) items.push(...days.map((d) => `the ${ordinal(d)}`));
  else throw new Unsupported();
  if (s.lastWeekdayOfMonth) items.push("the last weekday");
  if (s.lastDayOfMonth) items.push("the last day");
  const joined = list(items);
  return `${joined.startsWith("every") ? "" : "on "}${joined} of the month`;
}

function describeDays(s: Shape): string {
  const domAll = isAll(s.daysOfMonth, 1, 31) && !s.lastDayOfMonth && !s.lastWeekdayOfMonth;
  const dowAll = isAll([...new Set(s.daysOfWeek.map((d) => d % 7))], 0, 6) && !s.lastDaysOfWeek.length && !s.nthDaysOfWeek.length;
  if (s.dayAnd) {
    if (domAll && dowAll) return "";
    if (domAll) return describeDaysOfWeek(s);
    if (dowAll) return describeDaysOfMonth(s);
    throw new Unsupported();
  }
  // Either field matching every day makes the OR match every day.
  if (domAll || dowAll) return "";
  return `${describeDaysOfMonth(s)} or ${describeDaysOfWeek(s)}`;
}

function describeShape(s: Shape): string {
  const time = describeTime(s);
  let days = describeDays(s);
  if (!isAll(s.months, 1, 12)) {
    const months = list(s.months.map((m) => MONTH_NAMES[m - 1]!));
    if (days.includes("of the month")) days = days.replaceAll("of the month", `of ${months}`);
    else days = `${days || (time.everyDayImplied ? "" : "every day")} in ${months}`.trim();
  } else if (!days && !time.everyDayImplied) {
    days = "every day";
  }
  const text = days ? `${time.text} ${days}` : time.text;
  return text[0]!.toUpperCase() + text.slice(1);
}

function onCalendarShape(text: string): Shape[] {
  return parseOnCalendar(text).lines.map((line) => {
    // Seconds, years, "~" days and per-line time zones have no short English form here.
    if (line.seconds.length !== 1 || line.seconds[0] !== 0) throw new Unsupported();
    if (line.years.length < 200 || line.timeZone !== null || line.days.some((d) => d < 0)) throw new Unsupported();
    return {
      minutes: line.minutes,
      hours: line.hours,
      daysOfMonth: line.days,
      lastDayOfMonth: false,
      lastWeekdayOfMonth: false,
      months: line.months,
      // systemd counts Monday as 0.
      daysOfWeek: line.weekdays.map((d) => (d + 1) % 7),
      lastDaysOfWeek: [],
      nthDaysOfWeek: [],
      dayAnd: true,
    };
  });
}

/**
 * A plain-English description of a cron or OnCalendar schedule ("At 09:00 on weekdays",
 * "Every 15 minutes", "At 00:00 on the last day of the month"), in the schedule's own time
 * zone. Uncommon forms fall back to "Cron expression <x>" / "OnCalendar expression <x>".
 * Never throws, also for invalid expressions.
 */
export function describeSchedule(schedule: string): string {
  const kind = detectScheduleKind(schedule);
  try {
    if (kind === "cron") return describeShape(parseCron(schedule));
    return onCalendarShape(schedule).map(describeShape).join("; ");
  } catch {
    const compact = kind === "cron" ? splitWhitespace(schedule).join(" ") : stripWhitespace(schedule).split("\n").join("; ");
    return `${kind === "cron" ? "Cron" : "OnCalendar"} expression ${compact}`;
  }
}
