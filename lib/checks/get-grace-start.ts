import { getNextRun } from "../schedules/schedule";
import type { CheckTiming } from "./types";

/**
 * When the check enters its grace period (Healthchecks' get_grace_start). Returns null for
 * "never": new, paused and down checks, and schedules with no next run. With `withStarted`, a
 * running job (last_start set) pulls the deadline in to last_start; a start never extends it.
 * Throws ScheduleError for an unparseable schedule.
 */
export function getGraceStart(check: CheckTiming, withStarted = true): Date | null {
  let result: Date | null = null;
  if (check.status === "up" && check.lastPing) {
    if (check.kind === "simple") {
      result = new Date(check.lastPing.getTime() + check.timeout * 1000);
    } else if (check.kind === "cron" || check.kind === "oncalendar") {
      result = getNextRun(check.kind, check.schedule, check.tz, check.lastPing);
    }
  }
  if (withStarted && check.lastStart && check.status !== "down") {
    if (result === null || check.lastStart < result) result = check.lastStart;
  }
  return result;
}
