// What a validated create/update spec does to a check, as a table: the check's columns and a
// spec in, the column changes out, per API version, at an injected "now". No database.
import { describe, expect, test } from "vitest";
import { applyCheckSpec, DEFAULT_CHECK_SETTINGS, type CheckChanges, type CheckState } from "./apply-check-spec";
import type { HttpProbe } from "../probes/types";
import type { CheckSpec } from "./check-spec";
import type { ApiVersion } from "./to-dict";

const MIN = 60_000;
const NOW = new Date("2026-03-10T12:00:00Z");
const LAST_PING = new Date("2026-03-10T11:30:00Z");
const after = (ms: number) => new Date(LAST_PING.getTime() + ms);

/** An up check with the default settings (1 day period, 1 hour grace), last pinged at 11:30. */
const PROBE: HttpProbe = {
  type: "http", interval: 120, timeout: 10, attempts: 1, attempt_spacing: 0, threshold_rtt: 0, regions: ["local"], quorum: 1,
  url: "https://example.org/", method: "GET", headers: {}, body: "", expected_status: "200-299", follow_redirects: false,
  must_contain: "", must_not_contain: "", json: [], tls_skip_verify: false, cert_expiry_threshold: 14,
};

const CHECK: CheckState = { ...DEFAULT_CHECK_SETTINGS, name: "Backups", slug: "backups", status: "up", lastPing: LAST_PING, lastStart: null };

interface Row {
  name: string;
  check?: Partial<CheckState>;
  spec: CheckSpec;
  /** Which API versions the row holds for. */
  versions: ApiVersion[];
  changes: CheckChanges;
}

const ROWS: Row[] = [
  { name: "an empty spec changes nothing", spec: {}, versions: [1, 2, 3], changes: {} },
  { name: "values equal to the current ones change nothing", spec: { name: "Backups", timeout: 86_400, tags: "" }, versions: [1, 2, 3], changes: {} },
  { name: "a new name keeps the slug in API v3", spec: { name: "Nightly Backup!" }, versions: [3], changes: { name: "Nightly Backup!", alertAfter: after(25 * 60 * MIN) } },
  {
    name: "a new name sets the slug from it in API v1 and v2",
    spec: { name: "Nightly Backup!" },
    versions: [1, 2],
    changes: { name: "Nightly Backup!", slug: "nightly-backup", alertAfter: after(25 * 60 * MIN) },
  },
  {
    name: "an explicit slug wins over the one derived from the name",
    spec: { name: "Nightly Backup", slug: "nb" },
    versions: [1, 2],
    changes: { name: "Nightly Backup", slug: "nb", alertAfter: after(25 * 60 * MIN) },
  },
  {
    name: "a shorter period and grace move the deadline",
    spec: { timeout: 3600, grace: 600 },
    versions: [1, 2, 3],
    changes: { timeout: 3600, grace: 600, alertAfter: after(70 * MIN) },
  },
  {
    name: "a cron schedule switches the kind and wins over a timeout in the same spec",
    spec: { schedule: "0 13 * * *", timeout: 60 },
    versions: [1, 2, 3],
    changes: { kind: "cron", schedule: "0 13 * * *", alertAfter: new Date("2026-03-10T14:00:00Z") },
  },
  {
    name: "anything that is not five cron fields is an OnCalendar schedule",
    spec: { schedule: "daily", tz: "Europe/Riga" },
    versions: [3],
    // Midnight in Riga (UTC+2) after 11:30 UTC is 22:00 UTC, plus the hour of grace.
    changes: { kind: "oncalendar", schedule: "daily", tz: "Europe/Riga", alertAfter: new Date("2026-03-10T23:00:00Z") },
  },
  {
    name: "a timeout turns a cron check back into a simple one",
    check: { kind: "cron", schedule: "0 13 * * *" },
    spec: { timeout: 7200 },
    versions: [3],
    changes: { kind: "simple", timeout: 7200, alertAfter: after(3 * 60 * MIN) },
  },
  {
    name: "a new or paused check has no deadline to recompute",
    check: { status: "new", lastPing: null },
    spec: { grace: 120 },
    versions: [3],
    changes: { grace: 120, alertAfter: null },
  },
  {
    name: "the legacy subject sets the success keyword and turns the subject filter on",
    spec: { subject: "Backup OK" },
    versions: [1, 2, 3],
    changes: { successKw: "Backup OK", filterSubject: true, alertAfter: after(25 * 60 * MIN) },
  },
  {
    name: "an unchanged legacy subject still saves, as in Healthchecks, which recomputes the deadline",
    check: { successKw: "OK", filterSubject: true },
    spec: { subject: "OK" },
    versions: [3],
    changes: { alertAfter: after(25 * 60 * MIN) },
  },
  {
    name: "clearing both legacy subjects turns the subject filter off",
    check: { successKw: "OK", failureKw: "FAIL", filterSubject: true },
    spec: { subject: "", subjectFail: "" },
    versions: [3],
    changes: { successKw: "", failureKw: "", filterSubject: false, alertAfter: after(25 * 60 * MIN) },
  },
  {
    name: "an explicit filter_subject wins over the legacy subject's",
    spec: { subject: "OK", filterSubject: false },
    versions: [3],
    changes: { successKw: "OK", filterSubject: false, alertAfter: after(25 * 60 * MIN) },
  },
  {
    name: "filters and keywords are written as given",
    spec: { methods: "POST", filterHttpBody: true, failureKw: "ERROR", filterDefaultFail: true, manualResume: true, desc: "nightly" },
    versions: [1, 2, 3],
    changes: { methods: "POST", filterHttpBody: true, failureKw: "ERROR", filterDefaultFail: true, manualResume: true, desc: "nightly", alertAfter: after(25 * 60 * MIN) },
  },
  {
    name: "a failure threshold does not touch the deadline",
    spec: { failureThreshold: 3 },
    versions: [3],
    changes: { failureThreshold: 3 },
  },
  {
    name: "a reminder interval on a down check schedules the next reminder from now",
    check: { status: "down", lastPing: LAST_PING },
    spec: { reminderInterval: 900 },
    versions: [3],
    changes: { reminderInterval: 900, nextReminderAt: new Date(NOW.getTime() + 15 * MIN) },
  },
  {
    name: "a reminder interval on an up check schedules none",
    spec: { reminderInterval: 900 },
    versions: [3],
    changes: { reminderInterval: 900, nextReminderAt: null },
  },
  {
    name: "turning reminders off on a down check clears the pending one",
    check: { status: "down", reminderInterval: 900 },
    spec: { reminderInterval: 0 },
    versions: [3],
    changes: { reminderInterval: 0, nextReminderAt: null },
  },
  {
    name: "a probe makes the check active: its interval is the timeout, grace a minute, and it runs now",
    spec: { probe: PROBE },
    versions: [3],
    changes: { probe: JSON.stringify(PROBE), timeout: 120, grace: 60, nextProbeAt: NOW, alertAfter: after(3 * MIN) },
  },
  {
    name: "a cron check given a probe becomes a simple one",
    check: { kind: "cron", schedule: "0 3 * * *" },
    spec: { probe: PROBE },
    versions: [3],
    changes: { probe: JSON.stringify(PROBE), kind: "simple", timeout: 120, grace: 60, nextProbeAt: NOW, alertAfter: after(3 * MIN) },
  },
  {
    name: "a grace sent with the probe is kept",
    spec: { probe: PROBE, grace: 300 },
    versions: [3],
    changes: { probe: JSON.stringify(PROBE), timeout: 120, grace: 300, nextProbeAt: NOW, alertAfter: after(7 * MIN) },
  },
  {
    name: "the probe wins over a schedule sent with it",
    spec: { probe: PROBE, schedule: "0 3 * * *" },
    versions: [3],
    changes: { probe: JSON.stringify(PROBE), timeout: 120, grace: 60, nextProbeAt: NOW, alertAfter: after(3 * MIN) },
  },
  {
    name: "a probe check keeps its interval as timeout when a timeout is sent alone",
    check: { probe: JSON.stringify(PROBE), timeout: 120, grace: 60 },
    spec: { timeout: 3600 },
    versions: [3],
    changes: {},
  },
  {
    name: "a changed probe keeps the grace and runs at once",
    check: { probe: JSON.stringify(PROBE), timeout: 120, grace: 300 },
    spec: { probe: { ...PROBE, interval: 60 } },
    versions: [3],
    changes: { probe: JSON.stringify({ ...PROBE, interval: 60 }), timeout: 60, nextProbeAt: NOW, alertAfter: after(6 * MIN) },
  },
  {
    name: "the same probe again changes nothing",
    check: { probe: JSON.stringify(PROBE), timeout: 120, grace: 60 },
    spec: { probe: PROBE },
    versions: [3],
    changes: {},
  },
  {
    name: "probe null makes the check passive again, keeping its timeout",
    check: { probe: JSON.stringify(PROBE), timeout: 120, grace: 60 },
    spec: { probe: null },
    versions: [3],
    changes: { probe: null, nextProbeAt: null, alertAfter: after(3 * MIN) },
  },
  {
    name: "channels and unique are not columns",
    spec: { channels: "*", unique: ["name"] },
    versions: [1, 2, 3],
    changes: {},
  },
];

describe("applyCheckSpec", () => {
  test.each(ROWS.flatMap((row) => row.versions.map((version) => ({ ...row, version }))))("$name (API v$version)", ({ check, spec, version, changes }) => {
    const state = { ...CHECK, ...check };
    expect(applyCheckSpec(state, spec, version, NOW)).toEqual(changes);
    expect(state).toEqual({ ...CHECK, ...check });
  });

  test("a new check gets the defaults for every key the spec leaves out", () => {
    const fresh: CheckState = { ...DEFAULT_CHECK_SETTINGS, status: "new", lastPing: null, lastStart: null };
    const changes = applyCheckSpec(fresh, { name: "Backups", tags: "prod db" }, 1, NOW);
    expect({ ...DEFAULT_CHECK_SETTINGS, ...changes }).toEqual({
      ...DEFAULT_CHECK_SETTINGS,
      name: "Backups",
      slug: "backups",
      tags: "prod db",
      alertAfter: null,
    });
  });
});
