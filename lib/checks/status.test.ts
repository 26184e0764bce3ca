// The status maths as tables: a check's stored timing columns and "now" in, what every view
// reports and when sendalerts should flip it out. No database.
import { describe, expect, test } from "vitest";
import { toTwoStateStatus, getDisplayStatus, getFirstReminderAt, getGraceStart, getStatus, goingDownAfter, isOverdue, safeGoingDownAfter, type CheckTiming } from "./status";

const MIN = 60_000;
const T0 = Date.parse("2026-03-10T12:00:00Z");
const at = (ms: number) => new Date(T0 + ms);

/** An up check with a 1 hour period and 10 minutes of grace, last pinged at T0. */
const UP: CheckTiming = { kind: "simple", timeout: 3600, grace: 600, schedule: "* * * * *", tz: "UTC", status: "up", lastPing: at(0), lastStart: null };

interface Row {
  name: string;
  check: Partial<CheckTiming>;
  now: Date;
  /** getStatus() as the API v2/v3 reports it. */
  status: string;
  /** getStatus(…, withStarted) as the UI and API v1 report it. */
  withStarted: string;
  /** goingDownAfter(): the stored alert_after; null = never. */
  downAfter: Date | null;
}

const ROWS: Row[] = [
  { name: "a new check waits for its first ping", check: { status: "new", lastPing: null }, now: at(0), status: "new", withStarted: "new", downAfter: null },
  { name: "a paused check is never late", check: { status: "paused" }, now: at(10 * 60 * MIN), status: "paused", withStarted: "paused", downAfter: null },
  { name: "an up check inside its period", check: {}, now: at(30 * MIN), status: "up", withStarted: "up", downAfter: at(70 * MIN) },
  { name: "an up check a moment before its period ends", check: {}, now: at(60 * MIN - 1), status: "up", withStarted: "up", downAfter: at(70 * MIN) },
  { name: "an up check whose period ended is in grace", check: {}, now: at(60 * MIN), status: "grace", withStarted: "grace", downAfter: at(70 * MIN) },
  { name: "an up check at the end of its grace time is down", check: {}, now: at(70 * MIN), status: "down", withStarted: "down", downAfter: at(70 * MIN) },
  { name: "a stored down check stays down and has no deadline", check: { status: "down" }, now: at(0), status: "down", withStarted: "down", downAfter: null },
  { name: "a degraded check inside its period stays degraded, with the deadline of an up one", check: { status: "degraded" }, now: at(30 * MIN), status: "degraded", withStarted: "degraded", downAfter: at(70 * MIN) },
  { name: "a degraded check whose period ended is in grace", check: { status: "degraded" }, now: at(60 * MIN), status: "grace", withStarted: "grace", downAfter: at(70 * MIN) },
  { name: "a degraded check with no run for period + grace is down", check: { status: "degraded" }, now: at(70 * MIN), status: "down", withStarted: "down", downAfter: at(70 * MIN) },
  {
    name: "a running job pulls the deadline in to its start + grace",
    check: { lastStart: at(10 * MIN) },
    now: at(15 * MIN),
    status: "up",
    withStarted: "started",
    downAfter: at(20 * MIN),
  },
  {
    name: "a job that ran past its grace time is down, started or not",
    check: { lastStart: at(10 * MIN) },
    now: at(20 * MIN),
    status: "down",
    withStarted: "down",
    downAfter: at(20 * MIN),
  },
  {
    name: "a start never extends the deadline of the period",
    check: { lastStart: at(120 * MIN) },
    now: at(65 * MIN),
    status: "grace",
    withStarted: "started",
    downAfter: at(70 * MIN),
  },
  {
    name: "a start on a new check can take it down after the grace time",
    check: { status: "new", lastPing: null, lastStart: at(0) },
    now: at(5 * MIN),
    status: "new",
    withStarted: "started",
    downAfter: at(10 * MIN),
  },
  {
    name: "a start on a paused check can take it down too",
    check: { status: "paused", lastStart: at(0) },
    now: at(11 * MIN),
    status: "down",
    withStarted: "down",
    downAfter: at(10 * MIN),
  },
  {
    name: "a cron check is in grace from its next run after the last ping",
    check: { kind: "cron", schedule: "0 3 * * *", lastPing: new Date("2026-03-10T03:00:05Z") },
    now: new Date("2026-03-11T03:05:00Z"),
    status: "grace",
    withStarted: "grace",
    downAfter: new Date("2026-03-11T03:10:00Z"),
  },
  {
    // 02:30 does not exist on 2021-03-14 in New York: the run moves to the end of the gap.
    name: "a cron run in the spring-forward gap is due at the end of the gap",
    check: { kind: "cron", schedule: "30 2 * * *", tz: "America/New_York", lastPing: new Date("2021-03-13T07:30:10Z") },
    now: new Date("2021-03-14T07:05:00Z"),
    status: "grace",
    withStarted: "grace",
    downAfter: new Date("2021-03-14T07:10:00Z"),
  },
  {
    name: "a cron check on the fall-back night counts real time, not wall time",
    check: { kind: "cron", schedule: "*/15 * * * *", tz: "America/New_York", lastPing: new Date("2021-11-07T05:50:00Z") },
    now: new Date("2021-11-07T06:09:59Z"),
    status: "grace",
    withStarted: "grace",
    downAfter: new Date("2021-11-07T06:10:00Z"),
  },
  {
    // Riga skips 03:00-04:00 on 2021-03-28, so 03:00 that day never happens (systemd's rule).
    name: "an OnCalendar time that a DST gap skips is due the next day",
    check: { kind: "oncalendar", schedule: "03:00", tz: "Europe/Riga", lastPing: new Date("2021-03-27T12:00:00Z") },
    now: new Date("2021-03-28T02:00:00Z"),
    status: "up",
    withStarted: "up",
    downAfter: new Date("2021-03-29T00:10:00Z"),
  },
  {
    name: "a schedule that never runs again is never late",
    check: { kind: "oncalendar", schedule: "2020-01-01 12:00", lastPing: new Date("2024-01-01T00:00:00Z") },
    now: new Date("2030-01-01T00:00:00Z"),
    status: "up",
    withStarted: "up",
    downAfter: null,
  },
];

describe("getStatus and goingDownAfter", () => {
  test.each(ROWS)("$name", ({ check, now, status, withStarted, downAfter }) => {
    const row = { ...UP, ...check };
    expect(getStatus(row, now)).toBe(status);
    expect(getStatus(row, now, true)).toBe(withStarted);
    expect(getDisplayStatus(row, now)).toBe(withStarted);
    expect(getDisplayStatus(row, now, false)).toBe(status);
    expect(goingDownAfter(row)?.toISOString() ?? null).toBe(downAfter?.toISOString() ?? null);
    expect(safeGoingDownAfter(row)?.toISOString() ?? null).toBe(downAfter?.toISOString() ?? null);
    expect(isOverdue(row, now)).toBe(status === "down");
  });

  test("sendalerts' deadline is exactly where getStatus turns down", () => {
    for (const { check } of ROWS) {
      const row = { ...UP, ...check };
      const deadline = goingDownAfter(row);
      if (!deadline || row.status === "new" || row.status === "paused") continue;
      expect(getStatus(row, new Date(deadline.getTime() - 1))).not.toBe("down");
      expect(getStatus(row, deadline)).toBe("down");
    }
  });

  test("the grace period starts at the period's end, or at a running job's start when that is earlier", () => {
    expect(getGraceStart(UP)).toEqual(at(60 * MIN));
    expect(getGraceStart({ ...UP, lastStart: at(5 * MIN) })).toEqual(at(5 * MIN));
    expect(getGraceStart({ ...UP, lastStart: at(5 * MIN) }, false)).toEqual(at(60 * MIN));
    expect(getGraceStart({ ...UP, status: "down", lastStart: at(5 * MIN) })).toBeNull();
  });
});

describe("a schedule that cannot be evaluated", () => {
  const broken: CheckTiming = { ...UP, kind: "cron", schedule: "not cron" };

  test("throws from the strict functions", () => {
    expect(() => getStatus(broken, at(0))).toThrow();
    expect(() => goingDownAfter(broken)).toThrow();
  });

  test("shows the stored status, never goes down and has no deadline in the lenient ones", () => {
    expect(getDisplayStatus(broken, at(0))).toBe("up");
    expect(isOverdue(broken, at(10 * 60 * MIN))).toBe(false);
    expect(safeGoingDownAfter(broken)).toBeNull();
  });
});

describe("getFirstReminderAt", () => {
  test.each([
    ["down", 900, at(15 * MIN)],
    ["down", 0, null],
    ["up", 900, null],
    ["paused", 900, null],
  ] as const)("a check entering %s with reminders every %i s: %s", (status, interval, expected) => {
    expect(getFirstReminderAt(status, interval, at(0))).toEqual(expected);
  });
});

describe("toTwoStateStatus", () => {
  test.each([
    ["degraded", "up"],
    ["up", "up"],
    ["down", "down"],
    ["grace", "grace"],
    ["new", "new"],
    ["paused", "paused"],
    ["started", "started"],
  ])("counts %s as %s where only up and down are known", (status, expected) => {
    expect(toTwoStateStatus(status)).toBe(expected);
  });
});
