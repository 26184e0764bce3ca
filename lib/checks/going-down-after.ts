import { getGraceStart } from "./get-grace-start";
import type { CheckTiming } from "./types";

/** The moment sendalerts should flip the check down (stored as alert_after); null = never. */
export function goingDownAfter(check: CheckTiming): Date | null {
  const graceStart = getGraceStart(check);
  return graceStart ? new Date(graceStart.getTime() + check.grace * 1000) : null;
}

/**
 * goingDownAfter() for the write paths (pings, API, UI): a schedule that cannot be evaluated
 * must not fail a ping, so it yields "never" like Healthchecks' scanner fallback.
 */
export function safeGoingDownAfter(check: CheckTiming): Date | null {
  try {
    return goingDownAfter(check);
  } catch {
    return null;
  }
}
