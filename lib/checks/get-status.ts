import { getGraceStart } from "./get-grace-start";
import type { CheckStatus, CheckTiming } from "./types";

/**
 * The check's current status (Healthchecks' get_status): stored new/paused/down as they are,
 * otherwise up, grace or down from the deadline. `withStarted` (API v1, UI) reports "started"
 * while a job runs. Throws ScheduleError for an unparseable schedule.
 */
export function getStatus(check: CheckTiming, now: Date, withStarted = false): CheckStatus {
  const nowMs = now.getTime();
  const graceMs = check.grace * 1000;
  if (check.lastStart) {
    if (nowMs >= check.lastStart.getTime() + graceMs) return "down";
    if (withStarted) return "started";
  }
  if (check.status === "new" || check.status === "paused" || check.status === "down") {
    return check.status;
  }
  const graceStart = getGraceStart(check, false);
  if (!graceStart) return "up";
  if (nowMs >= graceStart.getTime() + graceMs) return "down";
  if (nowMs >= graceStart.getTime()) return "grace";
  return "up";
}
