import { detectScheduleKind } from "./detect-schedule-kind";
import { ScheduleError } from "./errors";
import { getNextRun } from "./get-next-run";

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
