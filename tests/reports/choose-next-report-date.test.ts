import { describe, expect, test } from "vitest";
import { chooseNextReportDate } from "../../lib/reports/choose-next-report-date";

const FIRST_MINUTE = () => 0;
const LAST_MINUTE = () => 0.9999;

describe("chooseNextReportDate", () => {
  test.each([
    // [reports, tz, now, random, expected]
    ["daily", "UTC", "2026-03-10T12:00:00Z", FIRST_MINUTE, "2026-03-11T09:00:00.000Z"],
    ["daily", "UTC", "2026-03-10T08:00:00Z", LAST_MINUTE, "2026-03-11T10:59:00.000Z"],
    ["weekly", "UTC", "2026-03-09T10:00:00Z", FIRST_MINUTE, "2026-03-16T09:00:00.000Z"],
    ["weekly", "UTC", "2026-03-08T23:59:00Z", FIRST_MINUTE, "2026-03-09T09:00:00.000Z"],
    ["monthly", "UTC", "2026-01-31T23:00:00Z", FIRST_MINUTE, "2026-02-01T09:00:00.000Z"],
    ["monthly", "UTC", "2026-02-01T00:30:00Z", FIRST_MINUTE, "2026-03-01T09:00:00.000Z"],
    ["monthly", "UTC", "2026-12-15T10:00:00Z", FIRST_MINUTE, "2027-01-01T09:00:00.000Z"],
    // 01:00 on Feb 1 in Auckland already: the next 1st is March's (NZDT, UTC+13).
    ["monthly", "Pacific/Auckland", "2026-01-31T12:00:00Z", FIRST_MINUTE, "2026-02-28T20:00:00.000Z"],
    // Berlin moves to CEST (UTC+2) on Sunday Mar 29: Monday's 09:00 is 07:00 UTC, not 08:00.
    ["weekly", "Europe/Berlin", "2026-03-27T12:00:00Z", FIRST_MINUTE, "2026-03-30T07:00:00.000Z"],
    ["weekly", "Europe/Berlin", "2026-03-27T12:00:00Z", LAST_MINUTE, "2026-03-30T08:59:00.000Z"],
    // New York falls back to EST (UTC-5) at 02:00 on Nov 1.
    ["daily", "America/New_York", "2026-10-31T14:00:00Z", FIRST_MINUTE, "2026-11-01T14:00:00.000Z"],
    ["daily", "America/New_York", "2026-03-07T15:00:00Z", FIRST_MINUTE, "2026-03-08T13:00:00.000Z"],
    // UTC+5:45, and a day ahead of UTC at 20:00 UTC.
    ["daily", "Asia/Kathmandu", "2026-05-04T20:00:00Z", FIRST_MINUTE, "2026-05-06T03:15:00.000Z"],
  ] as const)("%s in %s at %s is due %s", (reports, tz, now, random, expected) => {
    expect(chooseNextReportDate(reports, tz, new Date(now), random)?.toISOString()).toBe(expected);
  });

  test("picks a time between 09:00 and 10:59 on the user's wall clock", () => {
    const now = new Date("2026-06-10T12:00:00Z");
    for (let i = 0; i < 200; i++) {
      const date = chooseNextReportDate("daily", "Asia/Tokyo", now)!;
      const local = new Date(date.getTime() + 9 * 3_600_000);
      expect(local.getUTCDate()).toBe(11);
      expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBeGreaterThanOrEqual(9 * 60);
      expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBeLessThan(11 * 60);
    }
  });

  test("returns null when reports are off or the value is unknown", () => {
    expect(chooseNextReportDate("off", "UTC")).toBeNull();
    expect(chooseNextReportDate("yearly", "UTC")).toBeNull();
  });

  test("treats an unknown time zone as UTC", () => {
    expect(chooseNextReportDate("daily", "Mars/Olympus_Mons", new Date("2026-03-10T12:00:00Z"), FIRST_MINUTE)?.toISOString()).toBe(
      "2026-03-11T09:00:00.000Z",
    );
  });
});
