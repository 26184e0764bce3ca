import { describe, expect, test } from "vitest";
import { detectScheduleKind, getNextRun, isValidSchedule } from "./schedule";
import { ScheduleError } from "./parsing";
import { isoInZone } from "./zoned-time";

describe("getNextRun", () => {
  test.each([
    ["cron", "0 3 * * *", "Europe/Riga", "2021-03-27T12:00:00Z", "2021-03-28T04:00:00+03:00"],
    ["cron", "30 2 * * *", "America/New_York", "2021-03-13T12:00:00Z", "2021-03-14T03:00:00-04:00"],
    ["cron", "*/15 * * * *", "America/New_York", "2021-11-07T05:50:00Z", "2021-11-07T01:00:00-05:00"],
    ["cron", "0 * * * *", "Europe/Riga", "2021-10-31T00:30:00Z", "2021-10-31T03:00:00+02:00"],
    ["oncalendar", "03:00", "Europe/Riga", "2021-03-27T12:00:00Z", "2021-03-29T03:00:00+03:00"],
    ["oncalendar", "Mon..Fri 09:00", "America/New_York", "2024-01-05T15:00:00Z", "2024-01-08T09:00:00-05:00"],
    ["oncalendar", "Mon 09:00\nFri 17:00", "UTC", "2024-01-05T15:00:00Z", "2024-01-05T17:00:00+00:00"],
  ] as const)("%s %j in %s after %s is %s", (kind, schedule, tz, after, expected) => {
    const next = getNextRun(kind, schedule, tz, new Date(after));
    expect(next).not.toBeNull();
    expect(isoInZone(next!, tz)).toBe(expected);
  });

  test("a legacy zone name computes the same times as its current name", () => {
    const after = new Date("2024-10-26T12:00:00Z");
    const legacy = getNextRun("cron", "30 3 * * *", "Europe/Kiev", after);
    const current = getNextRun("cron", "30 3 * * *", "Europe/Kyiv", after);
    expect(legacy?.toISOString()).toBe(current?.toISOString());
  });

  test("returns null when a cron expression has no match within 50 years", () => {
    expect(getNextRun("cron", "1 1 */100 * MON#4", "UTC", new Date("2024-01-01T00:00:00Z"))).toBeNull();
  });

  test("returns null when an OnCalendar schedule has no future match", () => {
    expect(getNextRun("oncalendar", "2020-01-01 12:00", "UTC", new Date("2024-01-01T00:00:00Z"))).toBeNull();
  });

  test.each([
    ["cron", "* * * *"],
    ["cron", "0 0 30 2 *"],
    ["oncalendar", "Mon 25:00"],
  ] as const)("throws ScheduleError for the invalid %s schedule %j", (kind, schedule) => {
    expect(() => getNextRun(kind, schedule, "UTC", new Date())).toThrow(ScheduleError);
  });

  test("throws ScheduleError for an unknown time zone", () => {
    expect(() => getNextRun("cron", "* * * * *", "Europe/Atlantis", new Date())).toThrow(ScheduleError);
  });

  test("throws ScheduleError for an invalid start date", () => {
    expect(() => getNextRun("cron", "* * * * *", "UTC", new Date(Number.NaN))).toThrow(ScheduleError);
  });

  test("stays cheap on the ping hot path (cached parsing and zone offsets)", () => {
    const base = Date.UTC(2026, 0, 1);
    const started = performance.now();
    for (let i = 0; i < 5_000; i++) {
      getNextRun("cron", "0 3 * * *", "America/New_York", new Date(base + i * 3_600_000));
      getNextRun("cron", "*/15 * * * *", "Europe/Riga", new Date(base + i * 60_000));
    }
    // About 5µs a call on a laptop; the bound only catches pathological regressions.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("detectScheduleKind", () => {
  test.each([
    ["* * * * *", "cron"],
    ["0 3 * * MON-FRI", "cron"],
    ["  0  3 * *  *  ", "cron"],
    ["0 3 * * *\n", "cron"],
    ["0\t3\u00a0* * *", "cron"],
    ["daily", "oncalendar"],
    ["Mon..Fri 09:00", "oncalendar"],
    ["* * * *", "oncalendar"],
    ["* * * * * *", "oncalendar"],
    ["0 3 * * *\n0 4 * * *", "oncalendar"],
    ["Mon *-*-* 12:00 Europe/Riga", "oncalendar"],
  ] as const)("%j is %s", (schedule, kind) => {
    expect(detectScheduleKind(schedule)).toBe(kind);
  });
});

describe("isValidSchedule", () => {
  test.each([
    ["* * * * *", "UTC", true],
    ["0 3 * * *", "Europe/Riga", true],
    ["0 0 29 2 *", "UTC", true],
    ["daily", "UTC", true],
    ["Mon..Fri 09:00 Europe/Riga", "UTC", true],
    ["2199-12-31", "UTC", true],
    ["0 3 * * *", "Europe/Kiev", true],
    ["* * * *", "UTC", false],
    ["60 * * * *", "UTC", false],
    ["0 0 30 2 *", "UTC", false],
    ["1 1 */100 * MON#4", "UTC", false],
    ["2019-01-01", "UTC", false],
    ["garbage", "UTC", false],
    ["0 3 * * *", "Not/A_Zone", false],
  ] as const)("%j in %s: %s", (schedule, tz, valid) => {
    expect(isValidSchedule(schedule, tz)).toBe(valid);
  });

  test("defaults to UTC", () => {
    expect(isValidSchedule("0 3 * * *")).toBe(true);
  });
});
