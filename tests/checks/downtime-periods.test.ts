import { beforeEach, describe, expect, test } from "vitest";
import { SYSTEM } from "../../lib/auth/actor";
import { getDowntimeSummaries, getDowntimeSummary, getPeriodBoundaries } from "../../lib/checks/downtime";
import { getDb } from "../../lib/db";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const HOUR = 3600;
const DAY = 86_400;
const d = (iso: string) => new Date(iso);
const iso = (periods: { start: Date; end: Date }[]) => periods.map((p) => [p.start.toISOString(), p.end.toISOString()]);

describe("getPeriodBoundaries", () => {
  test("days start at midnight UTC and run until the next midnight", () => {
    expect(iso(getPeriodBoundaries("day", 2, "UTC", d("2026-03-15T12:00:00Z")))).toEqual([
      ["2026-03-14T00:00:00.000Z", "2026-03-15T00:00:00.000Z"],
      ["2026-03-15T00:00:00.000Z", "2026-03-16T00:00:00.000Z"],
    ]);
  });

  test("weeks start on Monday, also when today is a Sunday", () => {
    // 2026-03-15 is a Sunday.
    expect(iso(getPeriodBoundaries("week", 3, "UTC", d("2026-03-15T12:00:00Z")))).toEqual([
      ["2026-02-23T00:00:00.000Z", "2026-03-02T00:00:00.000Z"],
      ["2026-03-02T00:00:00.000Z", "2026-03-09T00:00:00.000Z"],
      ["2026-03-09T00:00:00.000Z", "2026-03-16T00:00:00.000Z"],
    ]);
  });

  test("a Monday starts a new week", () => {
    expect(iso(getPeriodBoundaries("week", 1, "UTC", d("2026-03-16T00:00:00Z")))).toEqual([
      ["2026-03-16T00:00:00.000Z", "2026-03-23T00:00:00.000Z"],
    ]);
  });

  test("the week with the spring-forward change is an hour short in Berlin", () => {
    // DST starts on Sunday 2026-03-29 in the EU; Monday 03-23 begins at UTC+1, 03-30 at UTC+2.
    const [week] = getPeriodBoundaries("week", 1, "Europe/Berlin", d("2026-03-29T12:00:00Z"));
    expect(iso([week!])).toEqual([["2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]]);
    expect((week!.end.getTime() - week!.start.getTime()) / 1000).toBe(7 * DAY - HOUR);
  });

  test("the day of the autumn change is 25 hours long in New York", () => {
    // DST ends on Sunday 2026-11-01 in the US.
    const [day] = getPeriodBoundaries("day", 1, "America/New_York", d("2026-11-01T15:00:00Z"));
    expect(iso([day!])).toEqual([["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]]);
  });

  test("a midnight skipped by DST resolves to the first instant after the gap", () => {
    // Chile springs forward at midnight: Sunday 2026-09-06 begins at 01:00 (UTC-3).
    expect(iso(getPeriodBoundaries("day", 2, "America/Santiago", d("2026-09-06T12:00:00Z")))).toEqual([
      ["2026-09-05T04:00:00.000Z", "2026-09-06T04:00:00.000Z"],
      ["2026-09-06T04:00:00.000Z", "2026-09-07T03:00:00.000Z"],
    ]);
  });

  test("months end where the next month starts", () => {
    for (const [tz, now] of [
      ["UTC", "2026-03-15T12:00:00Z"],
      ["America/New_York", "2026-04-10T12:00:00Z"],
      ["Asia/Tokyo", "2026-01-01T00:30:00Z"],
    ] as const) {
      const periods = getPeriodBoundaries("month", 4, tz, d(now));
      expect(periods.slice(0, -1).map((p) => p.end)).toEqual(periods.slice(1).map((p) => p.start));
    }
    const [december] = getPeriodBoundaries("month", 1, "UTC", d("2026-12-31T23:00:00Z"));
    expect(december!.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  test("an unknown zone counts as UTC", () => {
    expect(getPeriodBoundaries("day", 1, "Not/AZone", d("2026-03-15T12:00:00Z"))).toEqual(
      getPeriodBoundaries("day", 1, "UTC", d("2026-03-15T12:00:00Z")),
    );
  });
});

forEachDatabase(() => {
  let projectId: number;
  beforeEach(async () => {
    await resetDatabase();
    projectId = (await createFixtures()).project.id;
  });

  async function checkWithFlips(status: string, flips: [string, string, string][], createdAt = "2025-01-01T00:00:00Z") {
    const check = await createCheck(projectId, { status, createdAt: d(createdAt) });
    for (const [at, oldStatus, newStatus] of flips) {
      await getDb().flip.create({ data: { checkId: check.id, createdAt: d(at), processedAt: d(at), oldStatus, newStatus } });
    }
    return check;
  }

  test("weekly downtime splits an outage across Sunday midnight in the check owner's zone", async () => {
    // Down from Sunday 22:00 to Monday 02:00 Berlin time (UTC+1 in March before the change).
    const check = await checkWithFlips("up", [
      ["2026-03-08T21:00:00Z", "up", "down"],
      ["2026-03-09T01:00:00Z", "down", "up"],
    ]);
    const weeks = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "Europe/Berlin", period: "week", count: 2, now: d("2026-03-12T12:00:00Z") });
    expect(weeks.map((w) => [w.start.toISOString(), w.downSeconds, w.outages])).toEqual([
      ["2026-03-08T23:00:00.000Z", 2 * HOUR, 1],
      ["2026-03-01T23:00:00.000Z", 2 * HOUR, 1],
    ]);
    expect(weeks[1]!.uptime).toBeCloseTo(1 - (2 * HOUR) / (7 * DAY), 10);
    expect(weeks.map((w) => [w.year, w.month])).toEqual([[2026, 3], [2026, 3]]);
  });

  test("daily uptime on a 23-hour DST day is measured against 23 hours", async () => {
    const check = await checkWithFlips("up", [
      ["2026-03-29T10:00:00Z", "up", "down"],
      ["2026-03-29T12:00:00Z", "down", "up"],
    ]);
    const [today, yesterday] = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "Europe/Berlin", period: "day", count: 2, now: d("2026-03-29T20:00:00Z") });
    expect(today!.end.getTime() - today!.start.getTime()).toBe(23 * HOUR * 1000);
    expect(today!.uptime).toBeCloseTo((23 * HOUR - 2 * HOUR) / (23 * HOUR), 10);
    expect([today!.outages, yesterday!.outages, yesterday!.uptime]).toEqual([1, 0, 1]);
  });

  test("months stay the default period, and months is an alias of count", async () => {
    const check = await checkWithFlips("up", []);
    const byMonths = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", months: 2, now: d("2026-03-15T12:00:00Z") });
    const byCount = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", period: "month", count: 2, now: d("2026-03-15T12:00:00Z") });
    expect(byMonths).toEqual(byCount);
    expect(byMonths.map((m) => m.month)).toEqual([3, 2]);
  });

  test("the batched summary gives every check the same records as one-by-one summaries", async () => {
    const down = await checkWithFlips("down", [["2026-03-14T00:00:00Z", "up", "down"]]);
    const up = await checkWithFlips("up", [["2026-03-10T00:00:00Z", "up", "down"], ["2026-03-10T06:00:00Z", "down", "up"]]);
    const fresh = await checkWithFlips("new", [], "2026-03-15T00:00:00Z");
    const opts = { tz: "UTC", period: "week" as const, count: 2, now: d("2026-03-15T12:00:00Z") };
    const batch = await getDowntimeSummaries([down, up, fresh], opts);
    expect([...batch.keys()].sort()).toEqual([down.id, up.id, fresh.id].sort());
    for (const check of [down, up, fresh]) {
      expect(batch.get(check.id)).toEqual(await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, ...opts }));
    }
    expect(batch.get(down.id)!.map((w) => w.downSeconds)).toEqual([1.5 * DAY, 0]);
    expect(batch.get(up.id)!.map((w) => w.downSeconds)).toEqual([6 * HOUR, 0]);
    expect(batch.get(fresh.id)!.map((w) => w.noData)).toEqual([false, true]);
  });

  test("a summary of no checks is empty", async () => {
    expect((await getDowntimeSummaries([], { tz: "UTC" })).size).toBe(0);
  });

  test("a count outside 1..400 is rejected", async () => {
    const check = await checkWithFlips("up", []);
    await expect(getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", count: 0 })).rejects.toThrow(/count/);
    await expect(getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", count: 2.5 })).rejects.toThrow(/count/);
  });
});
