import { nextCronMatch } from "./cron";
import { nextOnCalendarMatch } from "./oncalendar";

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
