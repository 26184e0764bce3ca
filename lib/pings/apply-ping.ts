// The pure core of a ping (Healthchecks' Check.ping and its ping views' filters): what action a
// ping really has once the check's method and keyword filters apply, and the check's new state,
// the Ping row and the Flip it makes. No database here: lib/store writes what this returns.
import { getFirstReminderAt, safeGoingDownAfter, type CheckTiming } from "../checks/status";
import type { ProbeResult } from "../probes/types";
import type { PingAction, PingInput } from "./types";

/** The check columns the ping path reads and writes (raw rows from lib/store). */
export interface PingCheckRow extends CheckTiming {
  id: number;
  lastStartRid: string | null;
  lastDuration: number | null;
  nPings: number;
  manualResume: boolean;
  methods: string;
  filterSubject: boolean;
  filterBody: boolean;
  filterHttpBody: boolean;
  filterDefaultFail: boolean;
  startKw: string;
  successKw: string;
  failureKw: string;
  hasConfirmationLink: boolean;
  alertAfter: Date | null;
  /** Fail pings in a row needed to flip the check down (1 = Healthchecks). */
  failureThreshold: number;
  /** Fail pings since the last success. */
  consecutiveFailures: number;
  /** Seconds between "still down" reminders; 0 = off. */
  reminderInterval: number;
  nextReminderAt: Date | null;
  /** projects.ping_log_limit: pings beyond it are pruned. */
  pingLogLimit: number;
}

export interface PingRow {
  checkId: number;
  n: number;
  createdAt: Date;
  kind: Exclude<PingAction, "success"> | null;
  scheme: string;
  remoteAddr: string | null;
  method: string;
  ua: string;
  body: Buffer | null;
  exitStatus: number | null;
  rid: string | null;
}

export interface FlipRow {
  checkId: number;
  createdAt: Date;
  oldStatus: string;
  newStatus: string;
  reason: string;
}

export interface AppliedPing {
  /** The check after the ping (same object shape, new values). */
  check: PingCheckRow;
  ping: PingRow;
  flip: FlipRow | null;
  /** The probe run this ping records (a probe_results row), null for every other ping. */
  probeResult: ProbeResult | null;
  /** Delete this check's pings with n <= pruneBelow (Healthchecks prunes every 100th ping). */
  pruneUpTo: number | null;
}

// Keeps the counter far from integer overflow on a check that fails forever.
const MAX_COUNT = 1_000_000;

export interface KeywordFilter {
  startKw: string;
  successKw: string;
  failureKw: string;
  filterDefaultFail: boolean;
}

function matches(text: string, keywords: string): boolean {
  for (const raw of keywords.split(",")) {
    const kw = raw.trim();
    if (kw && text.includes(kw)) return true;
  }
  return false;
}

/**
 * Keyword classification shared by HTTP bodies and emails, in Healthchecks' order: failure
 * keywords win over success, success over start; nothing matched → fail or ignored per
 * filter_default_fail. Matching is a case-sensitive substring test per comma-separated keyword.
 */
export function classifyPing(text: string, filter: KeywordFilter): PingAction {
  if (matches(text, filter.failureKw)) return "fail";
  if (matches(text, filter.successKw)) return "success";
  if (matches(text, filter.startKw)) return "start";
  return filter.filterDefaultFail ? "fail" : "ign";
}

/** Which action the ping really has once the check's filters are applied (Healthchecks' view). */
export function resolveAction(check: PingCheckRow, input: PingInput): PingAction {
  let action: PingAction = input.exitStatus !== null && input.exitStatus > 0 ? "fail" : input.action;
  if (input.probe || input.roundVerdict) {
    // A probe run's (or a multi-region round's) verdict is the action: the method and keyword
    // filters are for pings a job sends, and the run's body is Vigil's own summary.
  } else if (input.email) {
    if (check.filterSubject || check.filterBody) {
      const parts: string[] = [];
      if (check.filterSubject) parts.push(input.email.subject);
      if (check.filterBody) parts.push(input.email.text);
      action = classifyPing(parts.join("\n"), check);
    }
  } else {
    if (check.methods === "POST" && input.method !== "POST") action = "ign";
    if (action !== "ign" && check.filterHttpBody) {
      action = classifyPing(input.body ? input.body.toString("utf8") : "", check);
    }
  }
  if (check.status === "paused" && check.manualResume) action = "ign";
  return action;
}

/**
 * Healthchecks' Check.ping() as a pure function: the check's new state, the Ping row and the
 * Flip (if the status changed). The caller writes all three in one transaction with the check
 * row locked, so per-check pings are serialized exactly as in Healthchecks.
 */
export function applyPing(check: PingCheckRow, input: PingInput, now: Date): AppliedPing {
  const action = resolveAction(check, input);
  const next: PingCheckRow = { ...check };
  let flip: FlipRow | null = null;

  if (action === "start") {
    next.lastStart = now;
    next.lastStartRid = input.rid;
  } else if (action === "success" || action === "fail") {
    next.lastPing = now;
    next.lastDuration = null;
    if (check.lastStart) {
      if (check.lastStartRid === input.rid) {
        next.lastDuration = now.getTime() - check.lastStart.getTime();
        next.lastStart = null;
        next.lastStartRid = null;
      } else if (action === "fail" || input.rid === null) {
        // A success with a different, non-null rid belongs to another run: keep timing this one.
        next.lastStart = null;
        next.lastStartRid = null;
      }
    }
    // Beyond Healthchecks: a fail flips the check down only as the failureThreshold-th in a
    // row; the ones before are recorded as fail pings and change nothing else.
    next.consecutiveFailures = action === "fail" ? Math.min(check.consecutiveFailures + 1, MAX_COUNT) : 0;
    // A degraded probe run is a success (it resets the deadline and the failure count) that
    // stores "degraded" instead of "up".
    const upStatus = (input.probe?.status ?? input.roundVerdict) === "degraded" ? "degraded" : "up";
    const newStatus = action === "success" ? upStatus : next.consecutiveFailures >= check.failureThreshold ? "down" : check.status;
    if (check.status !== newStatus) {
      flip = {
        checkId: check.id,
        createdAt: now,
        oldStatus: check.status,
        newStatus,
        reason: action === "fail" ? "fail" : "",
      };
      next.status = newStatus;
      next.nextReminderAt = getFirstReminderAt(newStatus, check.reminderInterval, now);
    }
  }

  next.alertAfter = safeGoingDownAfter(next);
  next.nPings = check.nPings + 1;
  next.hasConfirmationLink = input.body ? /confirm/i.test(input.body.toString("latin1")) : false;

  const ping: PingRow = {
    checkId: check.id,
    n: next.nPings,
    createdAt: now,
    kind: action === "success" ? null : action,
    scheme: input.scheme,
    remoteAddr: input.remoteAddr,
    method: input.method,
    ua: input.ua.slice(0, 200),
    body: input.body && input.body.length > 0 ? input.body : null,
    exitStatus: input.exitStatus,
    rid: input.rid,
  };

  const pruneUpTo = next.nPings % 100 === 0 && next.nPings > check.pingLogLimit ? next.nPings - check.pingLogLimit : null;
  return { check: next, ping, flip, probeResult: input.probe ?? null, pruneUpTo };
}
