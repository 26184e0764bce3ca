// What a validated create/update spec does to a check's columns, as a pure function, and the
// settings a new check starts with. create-check.ts and update-check.ts write the result.
import type { Check } from "../db";
import { DEFAULT_PROBE_GRACE } from "../probes/config";
import type { ProbeConfig } from "../probes/types";
import { detectScheduleKind } from "../schedules/schedule";
import type { ApiVersion } from "./to-dict";
import type { CheckSpec } from "./check-spec";
import { getFirstReminderAt, safeGoingDownAfter } from "./status";
import { slugify } from "../compat/python";

/** The columns a spec may write. */
export type CheckSettings = Pick<
  Check,
  | "name"
  | "slug"
  | "tags"
  | "desc"
  | "kind"
  | "timeout"
  | "grace"
  | "schedule"
  | "tz"
  | "manualResume"
  | "methods"
  | "startKw"
  | "successKw"
  | "failureKw"
  | "filterSubject"
  | "filterBody"
  | "filterHttpBody"
  | "filterDefaultFail"
  | "failureThreshold"
  | "reminderInterval"
  | "probe"
>;

/** A new check's settings (the model defaults; Healthchecks' API create defaults). */
export const DEFAULT_CHECK_SETTINGS: Readonly<CheckSettings> = {
  name: "",
  slug: "",
  tags: "",
  desc: "",
  kind: "simple",
  timeout: 86_400,
  grace: 3_600,
  schedule: "* * * * *",
  tz: "UTC",
  manualResume: false,
  methods: "",
  startKw: "",
  successKw: "",
  failureKw: "",
  filterSubject: false,
  filterBody: false,
  filterHttpBody: false,
  filterDefaultFail: false,
  failureThreshold: 1,
  reminderInterval: 0,
  probe: null,
};

export type CheckState = CheckSettings & Pick<Check, "status" | "lastPing" | "lastStart">;

export type CheckChanges = Partial<CheckSettings> & { alertAfter?: Date | null; nextReminderAt?: Date | null; nextProbeAt?: Date | null };

// Written as-is when present, after name/kind/subject (Healthchecks' _update order), so an
// explicit slug beats the v1/v2 auto-slug and an explicit filter_subject beats the legacy one.
const PLAIN_KEYS = [
  "slug",
  "tags",
  "desc",
  "manualResume",
  "methods",
  "tz",
  "startKw",
  "successKw",
  "failureKw",
  "filterSubject",
  "filterBody",
  "filterHttpBody",
  "filterDefaultFail",
  "grace",
] as const satisfies readonly (keyof CheckSpec & keyof CheckSettings)[];

/**
 * The column changes a validated spec makes to a check (Healthchecks' api _update): only keys
 * present in the spec are written; `schedule` picks cron/oncalendar and wins over `timeout`;
 * API v1/v2 derive the slug from a changed name. When anything changes, alertAfter is
 * recomputed from the new settings. Returns {} when the spec changes nothing.
 */
export function applyCheckSpec(check: CheckState, spec: CheckSpec, version: ApiVersion, now: Date = new Date()): CheckChanges {
  const next: CheckState = { ...check };
  const changes: CheckChanges = {};
  // Healthchecks saves (and so recomputes alert_after) whenever a legacy subject key is sent,
  // even if the value is unchanged.
  let touched = false;
  const set = <K extends keyof CheckSettings>(key: K, value: CheckSettings[K]) => {
    if (next[key] === value) return;
    (next as CheckSettings)[key] = value;
    changes[key] = value;
    touched = true;
  };

  if (spec.name !== undefined && next.name !== spec.name) {
    set("name", spec.name);
    if (version < 3) set("slug", slugify(spec.name));
  }

  // An active check's timeout and kind follow its probe (below): a timeout or schedule sent for
  // one is ignored.
  const isActive = spec.probe !== undefined ? spec.probe !== null : check.probe !== null;
  if (isActive) {
    // Nothing: see the probe below.
  } else if (spec.schedule !== undefined) {
    set("kind", detectScheduleKind(spec.schedule));
    set("schedule", spec.schedule);
  } else if (spec.timeout !== undefined) {
    set("kind", "simple");
    set("timeout", spec.timeout);
  }

  if (spec.subject !== undefined) {
    set("successKw", spec.subject);
    set("filterSubject", Boolean(next.successKw || next.failureKw));
    touched = true;
  }
  if (spec.subjectFail !== undefined) {
    set("failureKw", spec.subjectFail);
    set("filterSubject", Boolean(next.successKw || next.failureKw));
    touched = true;
  }

  for (const key of PLAIN_KEYS) {
    const value = spec[key];
    if (value !== undefined) set(key, value);
  }

  // An active check's timeout is its probe's interval (a run is due every interval, so a
  // silent prober takes the check down) and its grace defaults to a minute when it becomes
  // active. A new or changed probe runs at once.
  if (spec.probe !== undefined) {
    const json = spec.probe === null ? null : JSON.stringify(spec.probe);
    if (spec.probe !== null && check.probe === null && spec.grace === undefined) set("grace", DEFAULT_PROBE_GRACE);
    if (json !== next.probe) {
      set("probe", json);
      changes.nextProbeAt = json === null ? null : now;
    }
  }
  if (next.probe !== null) {
    set("kind", "simple");
    set("timeout", (JSON.parse(next.probe) as Pick<ProbeConfig, "interval">).interval);
  }

  if (touched) changes.alertAfter = safeGoingDownAfter(next);

  // Beyond Healthchecks; neither affects alert_after. A changed reminder interval applies from
  // now on: a down check's next reminder comes one new interval from now (or never, if off).
  if (spec.failureThreshold !== undefined && next.failureThreshold !== spec.failureThreshold) {
    changes.failureThreshold = spec.failureThreshold;
  }
  if (spec.reminderInterval !== undefined && next.reminderInterval !== spec.reminderInterval) {
    changes.reminderInterval = spec.reminderInterval;
    changes.nextReminderAt = getFirstReminderAt(next.status, spec.reminderInterval, now);
  }
  return changes;
}
