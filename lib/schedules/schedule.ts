// What the rest of Vigil asks of a schedule string, whichever syntax it is written in: which
// syntax, when it next fires, and whether it can be saved. The two engines behind it,
// cron.ts and oncalendar.ts, port Healthchecks' cronsim and oncalendar.
import { splitWhitespace, stripWhitespace } from "../compat/python";
import { nextCronMatch } from "./cron";
import { nextOnCalendarMatch } from "./oncalendar";
import { ScheduleError } from "./parsing";

/**
 * Healthchecks' API rule for telling schedule syntaxes apart: a single line
 * with exactly five fields is cron, anything else is OnCalendar.
 */
export function detectScheduleKind(schedule: string): "cron" | "oncalendar" {
  if (!stripWhitespace(schedule).includes("\n") && splitWhitespace(schedule).length === 5) return "cron";
  return "oncalendar";
}

/**
 * When a schedule next fires strictly after `after`: the earliest matching
 * instant, computed on the wall clock of time zone `tz` with Healthchecks'
 * (cronsim/oncalendar) rules, or null if it never fires again (cron: nothing
 * within 50 years; OnCalendar: nothing before 2200).
 *
 * Throws ScheduleError for an invalid schedule or an unknown time zone.
 * Parsed schedules and zone data are cached, so calling this per ping is cheap.
 */
export function getNextRun(kind: "cron" | "oncalendar", schedule: string, tz: string, after: Date): Date | null {
  return kind === "cron" ? nextCronMatch(schedule, after, tz) : nextOnCalendarMatch(schedule, after, tz);
}

/**
 * Whether a schedule can be saved: it parses as the kind Healthchecks would
 * detect for it, the time zone is known, and it fires at least once more
 * after now. A cron expression that can never match (the 1st of the month
 * that is also its fourth Monday) or an OnCalendar date in the past is
 * rejected.
 */
export function isValidSchedule(schedule: string, tz = "UTC"): boolean {
  try {
    return getNextRun(detectScheduleKind(schedule), schedule, tz, new Date()) !== null;
  } catch (error) {
    if (error instanceof ScheduleError) return false;
    throw error;
  }
}
