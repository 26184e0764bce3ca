import { getStatus } from "./get-status";
import type { CheckStatus, CheckTiming } from "./types";

/**
 * The status a view shows (dashboard, reports, Prometheus): getStatus(), by default with
 * "started" for running jobs as the web UI has it. A schedule that can no longer be evaluated
 * (e.g. a time zone dropped from tzdata) must not break a whole page, email or scrape, so it
 * shows the stored status instead.
 */
export function getDisplayStatus(check: CheckTiming, now: Date, withStarted = true): CheckStatus {
  try {
    return getStatus(check, now, withStarted);
  } catch {
    return check.status as CheckStatus;
  }
}
