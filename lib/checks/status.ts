// A check's status maths, Healthchecks' Check.get_status / get_grace_start / going_down_after:
// pure functions of the stored columns and "now", shared by the ping path, sendalerts, the API,
// the UI, badges, reports and metrics, so every view agrees on when a check is late or down.
import { getNextRun } from "../schedules/schedule";

/**
 * Statuses stored in checks.status. "degraded" (active checks only: a run that was slow or saw
 * a certificate about to expire) is up with a warning: it keeps a deadline like "up", and views
 * that know only up and down (two-state badges, hc_check_up) count it as up.
 */
export type StoredStatus = "new" | "up" | "degraded" | "down" | "paused";
/** What getStatus() reports: "grace" (UI: late) and, in API v1, "started" are computed. */
export type CheckStatus = StoredStatus | "grace" | "started";
export type CheckKind = "simple" | "cron" | "oncalendar";

/** The fields the state machine reads. Prisma's Check row satisfies it. */
export interface CheckTiming {
  kind: string;
  /** Seconds. */
  timeout: number;
  /** Seconds. */
  grace: number;
  schedule: string;
  tz: string;
  status: string;
  lastPing: Date | null;
  lastStart: Date | null;
}

/** The Prisma `select` that reads a CheckTiming, for queries that compute statuses. */
export const CHECK_TIMING_SELECT = {
  kind: true,
  timeout: true,
  grace: true,
  schedule: true,
  tz: true,
  status: true,
  lastPing: true,
  lastStart: true,
} as const satisfies Record<keyof CheckTiming, true>;

/**
 * When the check enters its grace period (Healthchecks' get_grace_start). Returns null for
 * "never": new, paused and down checks, and schedules with no next run. With `withStarted`, a
 * running job (last_start set) pulls the deadline in to last_start; a start never extends it.
 * Throws ScheduleError for an unparseable schedule.
 */
export function getGraceStart(check: CheckTiming, withStarted = true): Date | null {
  let result: Date | null = null;
  if ((check.status === "up" || check.status === "degraded") && check.lastPing) {
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
  const onTime = check.status === "degraded" ? "degraded" : "up";
  const graceStart = getGraceStart(check, false);
  if (!graceStart) return onTime;
  if (nowMs >= graceStart.getTime() + graceMs) return "down";
  if (nowMs >= graceStart.getTime()) return "grace";
  return onTime;
}

/**
 * A status as Healthchecks' two-state views know it: "degraded" counts as "up" (it is a warning,
 * not an outage); every other status is returned as it is.
 */
export function toTwoStateStatus<S extends string>(status: S): Exclude<S, "degraded"> | "up" {
  return (status === "degraded" ? "up" : status) as Exclude<S, "degraded"> | "up";
}

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

/**
 * Whether the check is past its deadline at `now` (getStatus() says "down"). An unevaluable
 * schedule has no deadline to be past, so it is never overdue.
 */
export function isOverdue(check: CheckTiming, now: Date): boolean {
  try {
    return getStatus(check, now) === "down";
  } catch {
    return false;
  }
}

/**
 * When the first "still down" reminder is due for a check entering `status` at `now`
 * (reminderInterval in seconds, 0 = off); null when there is none.
 */
export function getFirstReminderAt(status: string, reminderInterval: number, now: Date): Date | null {
  return status === "down" && reminderInterval > 0 ? new Date(now.getTime() + reminderInterval * 1000) : null;
}
