import { getStatus } from "./get-status";
import type { CheckStatus, CheckTiming } from "./types";

/**
 * The status the web UI shows: getStatus() with "started" for running jobs. A schedule that
 * can no longer be evaluated (e.g. a time zone dropped from tzdata) must not break a whole
 * dashboard, so it shows the stored status instead.
 */
export function getDisplayStatus(check: CheckTiming, now: Date): CheckStatus {
  try {
    return getStatus(check, now, true);
  } catch {
    return check.status as CheckStatus;
  }
}
