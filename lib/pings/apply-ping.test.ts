// The ping core as tables: a check's state and a ping in, the check's new state, the Ping row
// and the Flip out, at an injected "now". No database: lib/store writes what applyPing returns.
import { describe, expect, test } from "vitest";
import { applyPing, classifyPing, type KeywordFilter, type PingCheckRow } from "./apply-ping";
import type { ProbeResult, ProbeVerdict } from "../probes/types";
import type { PingAction, PingInput } from "./types";

const MIN = 60_000;
const NOW = new Date("2026-03-10T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const later = (ms: number) => new Date(NOW.getTime() + ms);
const RID = "2e7a7d6c-2b39-4c1e-9d2d-8b2f3e0f5a11";
const OTHER_RID = "9c2d1b7e-0a4f-4e8b-b1f2-6a9e3c4d5b22";

/** An up check (1 hour period, 10 minutes of grace) last pinged 30 minutes ago. */
const CHECK: PingCheckRow = {
  id: 7,
  kind: "simple",
  timeout: 3600,
  grace: 600,
  schedule: "* * * * *",
  tz: "UTC",
  status: "up",
  lastPing: ago(30 * MIN),
  lastStart: null,
  lastStartRid: null,
  lastDuration: null,
  nPings: 10,
  manualResume: false,
  methods: "",
  filterSubject: false,
  filterBody: false,
  filterHttpBody: false,
  filterDefaultFail: false,
  startKw: "",
  successKw: "",
  failureKw: "",
  hasConfirmationLink: false,
  alertAfter: later(40 * MIN),
  failureThreshold: 1,
  consecutiveFailures: 0,
  reminderInterval: 0,
  nextReminderAt: null,
  pingLogLimit: 100,
};

const PING: PingInput = {
  target: { code: "0b2f8a4c-64c5-4c8e-9e5b-3c1c1d3b7a11" },
  action: "success",
  exitStatus: null,
  rid: null,
  scheme: "http",
  remoteAddr: "192.0.2.1",
  method: "GET",
  ua: "curl/8.5",
  body: null,
  receivedAt: NOW.getTime(),
};

interface Row {
  name: string;
  check?: Partial<PingCheckRow>;
  ping?: Partial<PingInput>;
  /** What the ping is recorded as (Ping.kind; "success" for null). */
  kind: PingAction;
  status: string;
  /** [old, new, reason] of the flip, or null for none. */
  flip: [string, string, string] | null;
  alertAfter: Date | null;
  /** Further columns of the new check state to compare. */
  expect?: Partial<PingCheckRow>;
}

const body = (text: string) => Buffer.from(text);

const ROWS: Row[] = [
  // Statuses and flips.
  { name: "a success on a new check makes it up", check: { status: "new", lastPing: null, alertAfter: null }, kind: "success", status: "up", flip: ["new", "up", ""], alertAfter: later(70 * MIN) },
  { name: "a success on an up check moves the deadline and makes no flip", kind: "success", status: "up", flip: null, alertAfter: later(70 * MIN) },
  { name: "a success on a down check makes it up", check: { status: "down", alertAfter: null }, kind: "success", status: "up", flip: ["down", "up", ""], alertAfter: later(70 * MIN) },
  { name: "a fail makes it down at once, with no deadline left", ping: { action: "fail" }, kind: "fail", status: "down", flip: ["up", "down", "fail"], alertAfter: null },
  { name: "exit status 0 is a success", ping: { exitStatus: 0 }, kind: "success", status: "up", flip: null, alertAfter: later(70 * MIN) },
  { name: "a non-zero exit status is a fail", ping: { exitStatus: 3 }, kind: "fail", status: "down", flip: ["up", "down", "fail"], alertAfter: null },
  { name: "a log ping changes nothing but the log", ping: { action: "log" }, kind: "log", status: "up", flip: null, alertAfter: later(40 * MIN), expect: { lastPing: ago(30 * MIN) } },
  // Runs: start pings and rid pairing.
  {
    name: "a start pulls the deadline in to now + grace",
    ping: { action: "start", rid: RID },
    kind: "start",
    status: "up",
    flip: null,
    alertAfter: later(10 * MIN),
    expect: { lastStart: NOW, lastStartRid: RID, lastPing: ago(30 * MIN) },
  },
  {
    name: "a success with the start's rid ends the run and records its duration",
    check: { lastStart: ago(5 * MIN), lastStartRid: RID },
    ping: { rid: RID },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: later(70 * MIN),
    expect: { lastStart: null, lastStartRid: null, lastDuration: 5 * MIN },
  },
  {
    name: "a success with another rid belongs to another run: the start keeps timing",
    check: { lastStart: ago(5 * MIN), lastStartRid: RID },
    ping: { rid: OTHER_RID },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: later(5 * MIN),
    expect: { lastStart: ago(5 * MIN), lastStartRid: RID, lastDuration: null },
  },
  {
    name: "a success without a rid ends a run that had one, with no duration",
    check: { lastStart: ago(5 * MIN), lastStartRid: RID },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: later(70 * MIN),
    expect: { lastStart: null, lastStartRid: null, lastDuration: null },
  },
  {
    name: "a fail with another rid ends the run too",
    check: { lastStart: ago(5 * MIN), lastStartRid: RID },
    ping: { action: "fail", rid: OTHER_RID },
    kind: "fail",
    status: "down",
    flip: ["up", "down", "fail"],
    alertAfter: null,
    expect: { lastStart: null, lastDuration: null },
  },
  {
    name: "an unpaired success and start without rids time the run",
    check: { lastStart: ago(90 * 1000) },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: later(70 * MIN),
    expect: { lastDuration: 90 * 1000, lastStart: null },
  },
  // Failure thresholds (beyond Healthchecks).
  {
    name: "a fail below the failure threshold is counted and leaves the check up",
    check: { failureThreshold: 3, consecutiveFailures: 1 },
    ping: { action: "fail" },
    kind: "fail",
    status: "up",
    flip: null,
    alertAfter: later(70 * MIN),
    expect: { consecutiveFailures: 2, lastPing: NOW },
  },
  {
    name: "the fail that reaches the threshold makes the check down",
    check: { failureThreshold: 3, consecutiveFailures: 2 },
    ping: { action: "fail" },
    kind: "fail",
    status: "down",
    flip: ["up", "down", "fail"],
    alertAfter: null,
    expect: { consecutiveFailures: 3 },
  },
  {
    name: "a success resets the count of fails",
    check: { failureThreshold: 3, consecutiveFailures: 2 },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: later(70 * MIN),
    expect: { consecutiveFailures: 0 },
  },
  {
    name: "the count of fails stops at a million on a check that fails forever",
    check: { status: "down", consecutiveFailures: 1_000_000, alertAfter: null },
    ping: { action: "fail" },
    kind: "fail",
    status: "down",
    flip: null,
    alertAfter: null,
    expect: { consecutiveFailures: 1_000_000 },
  },
  // Reminders (beyond Healthchecks).
  {
    name: "going down schedules the first reminder one interval from now",
    check: { reminderInterval: 900 },
    ping: { action: "fail" },
    kind: "fail",
    status: "down",
    flip: ["up", "down", "fail"],
    alertAfter: null,
    expect: { nextReminderAt: later(15 * MIN) },
  },
  {
    name: "coming back up clears the pending reminder",
    check: { status: "down", reminderInterval: 900, nextReminderAt: later(5 * MIN), alertAfter: null },
    kind: "success",
    status: "up",
    flip: ["down", "up", ""],
    alertAfter: later(70 * MIN),
    expect: { nextReminderAt: null },
  },
  // Pausing and manual resume.
  { name: "a ping resumes a paused check", check: { status: "paused", alertAfter: null }, kind: "success", status: "up", flip: ["paused", "up", ""], alertAfter: later(70 * MIN) },
  {
    name: "with manual resume, pings to a paused check are ignored",
    check: { status: "paused", manualResume: true, alertAfter: null },
    ping: { action: "fail" },
    kind: "ign",
    status: "paused",
    flip: null,
    alertAfter: null,
  },
  // HTTP method and keyword filters.
  { name: "a GET to a POST-only check is ignored", check: { methods: "POST" }, kind: "ign", status: "up", flip: null, alertAfter: later(40 * MIN) },
  { name: "a POST to a POST-only check counts", check: { methods: "POST" }, ping: { method: "POST" }, kind: "success", status: "up", flip: null, alertAfter: later(70 * MIN) },
  {
    name: "a failure keyword in the body makes a success URL a fail",
    check: { filterHttpBody: true, failureKw: "ERROR, FATAL", successKw: "OK" },
    ping: { body: body("backup: OK\nFATAL: disk full") },
    kind: "fail",
    status: "down",
    flip: ["up", "down", "fail"],
    alertAfter: null,
  },
  {
    name: "a body matching no keyword is ignored by default",
    check: { filterHttpBody: true, successKw: "OK" },
    ping: { body: body("done") },
    kind: "ign",
    status: "up",
    flip: null,
    alertAfter: later(40 * MIN),
  },
  {
    name: "a body matching no keyword is a fail with filter_default_fail",
    check: { filterHttpBody: true, successKw: "OK", filterDefaultFail: true },
    ping: { body: body("done") },
    kind: "fail",
    status: "down",
    flip: ["up", "down", "fail"],
    alertAfter: null,
  },
  {
    name: "an email's subject keywords decide when the subject filter is on",
    check: { filterSubject: true, successKw: "Backup OK" },
    ping: { scheme: "email", method: "", email: { subject: "[cron] Backup OK", text: "FATAL" }, body: body("raw message") },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: later(70 * MIN),
  },
  {
    name: "an email's body keywords decide when the body filter is on",
    check: { filterBody: true, failureKw: "FATAL" },
    ping: { scheme: "email", method: "", email: { subject: "[cron] Backup OK", text: "FATAL: no space" } },
    kind: "fail",
    status: "down",
    flip: ["up", "down", "fail"],
    alertAfter: null,
  },
  {
    name: "an email without filters is a success, whatever the HTTP method filter says",
    check: { methods: "POST", filterHttpBody: true, failureKw: "FATAL" },
    ping: { scheme: "email", method: "", email: { subject: "FATAL", text: "FATAL" } },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: later(70 * MIN),
  },
  // Schedules.
  {
    name: "a cron check's deadline is its next run after the ping, plus grace",
    check: { kind: "cron", schedule: "0 13 * * *" },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: new Date("2026-03-10T13:10:00Z"),
  },
  {
    name: "a schedule that cannot be evaluated never fails a ping: no deadline",
    check: { kind: "cron", schedule: "not cron" },
    kind: "success",
    status: "up",
    flip: null,
    alertAfter: null,
  },
];

describe("applyPing", () => {
  test.each(ROWS)("$name", (row) => {
    const check = { ...CHECK, ...row.check };
    const { check: next, ping, flip } = applyPing(check, { ...PING, ...row.ping }, NOW);
    expect(ping.kind ?? "success").toBe(row.kind);
    expect(next.status).toBe(row.status);
    expect(flip && [flip.oldStatus, flip.newStatus, flip.reason]).toEqual(row.flip);
    if (flip) expect(flip).toMatchObject({ checkId: 7, createdAt: NOW });
    expect(next.alertAfter?.toISOString() ?? null).toBe(row.alertAfter?.toISOString() ?? null);
    expect(next).toMatchObject(row.expect ?? {});
    // Every ping is numbered and logged, ignored ones included.
    expect(next.nPings).toBe(11);
    expect(ping).toMatchObject({ checkId: 7, n: 11, createdAt: NOW });
    // The input row is never mutated.
    expect(check).toEqual({ ...CHECK, ...row.check });
  });

  test("records the request as it came: scheme, address, method, a user agent cut to 200 characters, the body", () => {
    const { ping } = applyPing(CHECK, { ...PING, method: "POST", ua: "u".repeat(250), body: body("hello"), rid: RID, exitStatus: 0 }, NOW);
    expect(ping).toMatchObject({ scheme: "http", remoteAddr: "192.0.2.1", method: "POST", rid: RID, exitStatus: 0 });
    expect(ping.ua).toBe("u".repeat(200));
    expect(ping.body?.toString()).toBe("hello");
    expect(applyPing(CHECK, { ...PING, body: Buffer.alloc(0) }, NOW).ping.body).toBeNull();
  });

  test.each([
    ["a body asking to confirm", "Please confirm your subscription", true],
    ["any case", "CONFIRMATION needed", true],
    ["an ordinary body", "all good", false],
  ])("remembers whether the last ping had a confirmation link: %s", (_what, text, expected) => {
    expect(applyPing(CHECK, { ...PING, body: body(text) }, NOW).check.hasConfirmationLink).toBe(expected);
  });

  test.each([
    ["the 100th ping past the log limit prunes the older ones", { nPings: 99, pingLogLimit: 40 }, 60],
    ["other pings do not prune", { nPings: 98, pingLogLimit: 40 }, null],
    ["the 100th ping within the limit does not prune", { nPings: 99, pingLogLimit: 100 }, null],
  ] as const)("%s", (_what, check, pruneUpTo) => {
    expect(applyPing({ ...CHECK, ...check }, PING, NOW).pruneUpTo).toBe(pruneUpTo);
  });
});

describe("classifyPing", () => {
  const filter: KeywordFilter = { startKw: "STARTING", successKw: "OK, done", failureKw: "ERROR,FATAL", filterDefaultFail: false };

  test.each([
    ["a failure keyword wins over a success keyword", "OK but ERROR", filter, "fail"],
    ["a success keyword wins over a start keyword", "STARTING ... done", filter, "success"],
    ["a start keyword", "STARTING backup", filter, "start"],
    ["keywords are trimmed, comma-separated substrings", "all done", filter, "success"],
    ["matching is case-sensitive", "error: ok", filter, "ign"],
    ["no keyword matched: ignored", "nothing", filter, "ign"],
    ["no keyword matched with filter_default_fail: a fail", "nothing", { ...filter, filterDefaultFail: true }, "fail"],
    ["empty keyword lists match nothing", "anything", { startKw: "", successKw: " , ", failureKw: "", filterDefaultFail: false }, "ign"],
  ] as const)("%s", (_what, text, f, expected) => {
    expect(classifyPing(text, f)).toBe(expected);
  });
});

/** A probe run's ping as recordProbeResult sends it, with the given verdict. */
function probeRun(status: ProbeVerdict): Partial<PingInput> {
  const result: ProbeResult = {
    date: NOW,
    region: "local",
    status,
    rtt_ms: 12.5,
    notice: status === "degraded" ? "median round trip time exceeded threshold" : null,
    error: status === "down" ? "connect ECONNREFUSED" : null,
    http_status: status === "down" ? null : 200,
    cert_expires: null,
    cert_issuer: null,
    resolved_ip: "127.0.0.1",
    evidence: null,
    attempts: [],
  };
  return { action: status === "down" ? "fail" : "success", scheme: "probe", method: "", probe: result };
}

interface ProbeRow {
  name: string;
  check: Partial<PingCheckRow>;
  verdict: ProbeVerdict;
  status: string;
  flip: [string, string, string] | null;
  alertAfter: Date | null;
  consecutiveFailures: number;
}

const PROBE_ROWS: ProbeRow[] = [
  { name: "a healthy run keeps an up check up and moves its deadline", check: {}, verdict: "healthy", status: "up", flip: null, alertAfter: later(70 * MIN), consecutiveFailures: 0 },
  { name: "a degraded run flips an up check to degraded", check: {}, verdict: "degraded", status: "degraded", flip: ["up", "degraded", ""], alertAfter: later(70 * MIN), consecutiveFailures: 0 },
  { name: "a degraded run on a degraded check makes no flip", check: { status: "degraded" }, verdict: "degraded", status: "degraded", flip: null, alertAfter: later(70 * MIN), consecutiveFailures: 0 },
  { name: "a healthy run flips a degraded check back up", check: { status: "degraded" }, verdict: "healthy", status: "up", flip: ["degraded", "up", ""], alertAfter: later(70 * MIN), consecutiveFailures: 0 },
  { name: "a down run flips a degraded check down", check: { status: "degraded" }, verdict: "down", status: "down", flip: ["degraded", "down", "fail"], alertAfter: null, consecutiveFailures: 1 },
  { name: "a degraded run on a down check is a recovery to degraded", check: { status: "down", alertAfter: null, consecutiveFailures: 3 }, verdict: "degraded", status: "degraded", flip: ["down", "degraded", ""], alertAfter: later(70 * MIN), consecutiveFailures: 0 },
  { name: "a first degraded run on a new check makes it degraded", check: { status: "new", lastPing: null, alertAfter: null }, verdict: "degraded", status: "degraded", flip: ["new", "degraded", ""], alertAfter: later(70 * MIN), consecutiveFailures: 0 },
  { name: "a down run below the failure threshold leaves a degraded check degraded", check: { status: "degraded", failureThreshold: 3, consecutiveFailures: 1 }, verdict: "down", status: "degraded", flip: null, alertAfter: later(70 * MIN), consecutiveFailures: 2 },
  { name: "the failure_threshold-th down run in a row flips it down", check: { status: "degraded", failureThreshold: 3, consecutiveFailures: 2 }, verdict: "down", status: "down", flip: ["degraded", "down", "fail"], alertAfter: null, consecutiveFailures: 3 },
  { name: "a degraded run resets the count of failed runs like a success", check: { failureThreshold: 3, consecutiveFailures: 2 }, verdict: "degraded", status: "degraded", flip: ["up", "degraded", ""], alertAfter: later(70 * MIN), consecutiveFailures: 0 },
  { name: "the check's POST-only and keyword filters do not apply to probe runs", check: { methods: "POST", filterHttpBody: true, filterDefaultFail: true }, verdict: "healthy", status: "up", flip: null, alertAfter: later(70 * MIN), consecutiveFailures: 0 },
];

describe("applyPing with probe runs", () => {
  test.each(PROBE_ROWS)("$name", (row) => {
    const input = { ...PING, ...probeRun(row.verdict) };
    const { check, ping, flip, probeResult } = applyPing({ ...CHECK, ...row.check }, input, NOW);
    expect(check.status).toBe(row.status);
    expect(flip ? [flip.oldStatus, flip.newStatus, flip.reason] : null).toEqual(row.flip);
    expect(check.alertAfter).toEqual(row.alertAfter);
    expect(check.consecutiveFailures).toBe(row.consecutiveFailures);
    expect(ping.kind).toBe(row.verdict === "down" ? "fail" : null);
    expect(probeResult).toBe(input.probe);
  });

  test.each(PROBE_ROWS)("as a multi-region round's verdict: $name", (row) => {
    const input: PingInput = { ...PING, action: row.verdict === "down" ? "fail" : "success", scheme: "probe", method: "", roundVerdict: row.verdict };
    const { check, ping, flip, probeResult } = applyPing({ ...CHECK, ...row.check }, input, NOW);
    expect(check.status).toBe(row.status);
    expect(flip ? [flip.oldStatus, flip.newStatus, flip.reason] : null).toEqual(row.flip);
    expect(check.consecutiveFailures).toBe(row.consecutiveFailures);
    expect(ping.kind).toBe(row.verdict === "down" ? "fail" : null);
    // The round's runs are stored already: its ping writes no probe_results row.
    expect(probeResult).toBeNull();
  });

  test("an ordinary ping carries no probe result", () => {
    expect(applyPing(CHECK, PING, NOW).probeResult).toBeNull();
  });

  test("a success ping (not a probe run) on a degraded check makes it up", () => {
    const { check, flip } = applyPing({ ...CHECK, status: "degraded" }, PING, NOW);
    expect(check.status).toBe("up");
    expect(flip?.newStatus).toBe("up");
  });
});
