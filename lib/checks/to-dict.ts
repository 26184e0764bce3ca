// A check as Healthchecks renders it to API clients and webhooks (Check.to_dict), and its
// unique_key, the stand-in for the UUID wherever the UUID (a ping secret) must not be shown.
import { createHash } from "node:crypto";
import { getEnv } from "../env";
import type { Check } from "../db";
import { formatIso } from "../compat/python";
import { getDefaultQuorum } from "../probes/config";
import { probeResultToDict } from "../probes/queries";
import type { ProbeResult } from "../probes/types";
import { getGraceStart, getStatus } from "./status";

export type ApiVersion = 1 | 2 | 3;

/**
 * Healthchecks' Check.unique_key: hex SHA-1 of the first 16 hex digits of the UUID (no dashes).
 * Stable and safe to show to read-only API keys, Prometheus and incident keys, because the
 * UUID itself is the ping secret and cannot be derived back from it.
 */
export function getUniqueKey(code: string): string {
  return createHash("sha1").update(code.replace(/-/g, "").toLowerCase().slice(0, 16), "ascii").digest("hex");
}

export interface CheckToDictOptions {
  version: ApiVersion;
  /** Read-only keys see unique_key instead of the UUID (a ping secret) and URLs. */
  readOnly: boolean;
  /** UUIDs of the channels attached to the check, in any order. */
  channelCodes: string[];
  /** An active check's last run (null: never run yet); ignored for passive checks. */
  lastResult?: ProbeResult | null;
  now?: Date;
}

/**
 * The check as Healthchecks' Check.to_dict() renders it (API responses, webhook $JSON).
 * Key order matters to clients that diff or hash the JSON, so keys are inserted exactly in
 * Healthchecks' order. Throws ScheduleError if the stored schedule cannot be evaluated.
 */
export function checkToDict(check: Check, opts: CheckToDictOptions): Record<string, unknown> {
  const { siteRoot, pingEndpoint } = getEnv();
  const now = opts.now ?? new Date();
  const result: Record<string, unknown> = {
    name: check.name,
    slug: check.slug,
    tags: check.tags,
    desc: check.desc,
    grace: check.grace,
    n_pings: check.nPings,
    // API v1 predates the `started` field and reports running jobs as a status.
    status: getStatus(check, now, opts.version === 1),
    started: check.lastStart !== null,
    last_ping: formatIso(check.lastPing),
    next_ping: formatIso(getGraceStart(check, true)),
    manual_resume: check.manualResume,
    methods: check.methods,
    // Deprecated aliases kept because Healthchecks still emits them.
    subject: check.filterSubject ? check.successKw : "",
    subject_fail: check.filterSubject ? check.failureKw : "",
    start_kw: check.startKw,
    success_kw: check.successKw,
    failure_kw: check.failureKw,
    filter_subject: check.filterSubject,
    filter_body: check.filterBody,
    filter_http_body: check.filterHttpBody,
    filter_default_fail: check.filterDefaultFail,
    badge_url: `${siteRoot}/b/2/${check.badgeKey}.svg`,
  };
  // Healthchecks tests the timedelta for truthiness, so a zero duration is omitted too.
  // Our column is milliseconds; Python's int(total_seconds()) truncates.
  if (check.lastDuration) {
    result.last_duration = Math.trunc(check.lastDuration / 1000);
  }
  if (opts.readOnly) {
    result.unique_key = getUniqueKey(check.code);
  } else {
    const updateUrl = `${siteRoot}/api/v${opts.version}/checks/${check.code}`;
    result.uuid = check.code;
    result.ping_url = `${pingEndpoint}${check.code}`;
    result.update_url = updateUrl;
    result.pause_url = `${updateUrl}/pause`;
    result.resume_url = `${updateUrl}/resume`;
    result.channels = [...opts.channelCodes].sort().join(",");
  }
  if (check.kind === "simple") {
    result.timeout = check.timeout;
  } else if (check.kind === "cron" || check.kind === "oncalendar") {
    result.schedule = check.schedule;
    result.tz = check.tz;
  }
  // Beyond Healthchecks, and only for active checks, so a passive check's JSON stays exactly
  // Healthchecks'. A stored probe is the parsed API value, so it is shown as stored; one stored
  // before probes had a quorum shows the quorum it is judged by (a majority of its regions).
  if (check.probe !== null) {
    const probe = JSON.parse(check.probe) as { regions?: unknown; quorum?: unknown };
    if (probe.quorum === undefined && Array.isArray(probe.regions)) probe.quorum = getDefaultQuorum(probe.regions.length);
    result.probe = probe;
    result.last_result = opts.lastResult ? probeResultToDict(opts.lastResult) : null;
  }
  return result;
}
