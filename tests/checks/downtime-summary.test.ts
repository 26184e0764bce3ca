import { beforeEach, describe, expect, test } from "vitest";
import { SYSTEM } from "../../lib/auth/actor";
import { getDowntimeSummary, getPeriodBoundaries, summarizeDowntime } from "../../lib/checks/downtime";
import { getDb } from "../../lib/db";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const DAY = 86_400;
const d = (iso: string) => new Date(iso);

// Healthchecks' month_boundaries: the first instants of the current month and the ones before it.
const monthStarts = (months: number, tz: string, now: Date) => getPeriodBoundaries("month", months, tz, now).map((p) => p.start);

describe("month periods start at midnight on the 1st, in the time zone", () => {
  test.each([
    ["UTC", "2026-03-15T12:00:00Z", ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]],
    // Riga is UTC+2 in winter: its months start two hours before UTC's.
    ["Europe/Riga", "2026-03-15T12:00:00Z", ["2025-12-31T22:00:00.000Z", "2026-01-31T22:00:00.000Z", "2026-02-28T22:00:00.000Z"]],
    // Still February 28 in New York (UTC-5), so February is the current month.
    ["America/New_York", "2026-03-01T03:00:00Z", ["2025-12-01T05:00:00.000Z", "2026-01-01T05:00:00.000Z", "2026-02-01T05:00:00.000Z"]],
    // Across the year boundary, and across DST (April starts in EDT, UTC-4).
    ["America/New_York", "2026-04-10T12:00:00Z", ["2026-02-01T05:00:00.000Z", "2026-03-01T05:00:00.000Z", "2026-04-01T04:00:00.000Z"]],
    ["Asia/Tokyo", "2026-01-01T00:30:00Z", ["2025-10-31T15:00:00.000Z", "2025-11-30T15:00:00.000Z", "2025-12-31T15:00:00.000Z"]],
    ["Not/AZone", "2026-03-15T12:00:00Z", ["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"]],
  ])("in %s at %s", (tz, now, expected) => {
    expect(monthStarts(3, tz, d(now)).map((b) => b.toISOString())).toEqual(expected);
  });
});

describe("summarizeDowntime", () => {
  const boundaries = monthStarts(3, "UTC", d("2026-03-15T12:00:00Z"));
  const base = { boundaries, now: d("2026-03-15T12:00:00Z"), checkCreatedAt: d("2025-06-01T00:00:00Z") };
  const flip = (iso: string, oldStatus: string) => ({ createdAt: d(iso), oldStatus });

  test.each([
    {
      name: "an up check without flips has no downtime",
      status: "up",
      flips: [],
      expected: [[0, 0], [0, 0], [0, 0]],
    },
    {
      name: "a check down the whole time is down in every month, once each",
      status: "down",
      flips: [],
      expected: [[14.5 * DAY, 1], [28 * DAY, 1], [31 * DAY, 1]],
    },
    {
      name: "an outage across a month boundary is split between the months",
      status: "up",
      flips: [flip("2026-02-27T00:00:00Z", "up"), flip("2026-03-02T00:00:00Z", "down")],
      expected: [[1 * DAY, 1], [2 * DAY, 1], [0, 0]],
    },
    {
      name: "two outages in one month count twice",
      status: "up",
      flips: [
        flip("2026-01-10T00:00:00Z", "up"),
        flip("2026-01-10T01:00:00Z", "down"),
        flip("2026-01-20T00:00:00Z", "up"),
        flip("2026-01-20T00:30:00Z", "down"),
      ],
      expected: [[0, 0], [0, 0], [5400, 2]],
    },
    {
      name: "an ongoing outage runs until now",
      status: "down",
      flips: [flip("2026-03-15T11:00:00Z", "up")],
      expected: [[3600, 1], [0, 0], [0, 0]],
    },
    {
      name: "paused and new stretches are not downtime",
      status: "new",
      flips: [flip("2026-02-01T10:00:00Z", "up"), flip("2026-02-02T10:00:00Z", "paused")],
      expected: [[0, 0], [0, 0], [0, 0]],
    },
    {
      name: "a down check that was paused stops counting at the pause",
      status: "paused",
      flips: [flip("2026-03-10T00:00:00Z", "up"), flip("2026-03-11T00:00:00Z", "down")],
      expected: [[DAY, 1], [0, 0], [0, 0]],
    },
  ])("$name", ({ status, flips, expected }) => {
    const result = summarizeDowntime({ ...base, status, flips });
    expect(result.map((r) => [r.downSeconds, r.outages])).toEqual(expected);
    expect(result.map((r) => r.start)).toEqual([...boundaries].reverse());
  });

  test("months that ended before the check existed have no data", () => {
    const result = summarizeDowntime({ ...base, status: "up", flips: [], checkCreatedAt: d("2026-02-10T00:00:00Z") });
    expect(result.map((r) => r.noData)).toEqual([false, false, true]);
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

  test.each([
    {
      name: "UTC: an outage on the evening of Feb 28 belongs to February",
      tz: "UTC",
      flips: [["2026-02-28T21:00:00Z", "up", "down"], ["2026-02-28T23:00:00Z", "down", "up"]] as [string, string, string][],
      expected: [
        { year: 2026, month: 3, downSeconds: 0, outages: 0 },
        { year: 2026, month: 2, downSeconds: 7200, outages: 1 },
        { year: 2026, month: 1, downSeconds: 0, outages: 0 },
      ],
    },
    {
      name: "Riga: the same outage straddles local midnight and is split",
      tz: "Europe/Riga",
      flips: [["2026-02-28T21:00:00Z", "up", "down"], ["2026-02-28T23:00:00Z", "down", "up"]] as [string, string, string][],
      expected: [
        { year: 2026, month: 3, downSeconds: 3600, outages: 1 },
        { year: 2026, month: 2, downSeconds: 3600, outages: 1 },
        { year: 2026, month: 1, downSeconds: 0, outages: 0 },
      ],
    },
    {
      name: "New York: the outage is in February local time, and months are labelled locally",
      tz: "America/New_York",
      flips: [["2026-03-01T02:00:00Z", "up", "down"], ["2026-03-01T03:00:00Z", "down", "up"]] as [string, string, string][],
      expected: [
        { year: 2026, month: 3, downSeconds: 0, outages: 0 },
        { year: 2026, month: 2, downSeconds: 3600, outages: 1 },
        { year: 2026, month: 1, downSeconds: 0, outages: 0 },
      ],
    },
  ])("$name", async ({ tz, flips, expected }) => {
    const check = await checkWithFlips("up", flips);
    const summary = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz, now: d("2026-03-15T12:00:00Z") });
    expect(summary.map(({ year, month, downSeconds, outages }) => ({ year, month, downSeconds, outages }))).toEqual(expected);
  });

  test("uptime is measured against the whole month, in real time across DST", async () => {
    const check = await checkWithFlips("up", [["2026-03-10T00:00:00Z", "up", "down"], ["2026-03-10T01:00:00Z", "down", "up"]]);
    const [march, february] = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "America/New_York", now: d("2026-03-15T12:00:00Z") });
    // March 2026 in New York has 31 days minus the hour skipped on March 8.
    const marchSeconds = 31 * DAY - 3600;
    expect(march!.end.getTime() - march!.start.getTime()).toBe(marchSeconds * 1000);
    expect(march!.uptime).toBeCloseTo((marchSeconds - 3600) / marchSeconds, 10);
    expect(february!.uptime).toBe(1);
  });

  test("months before the check existed have no uptime", async () => {
    const check = await checkWithFlips("up", [], "2026-02-20T00:00:00Z");
    const summary = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", now: d("2026-03-15T12:00:00Z") });
    expect(summary.map((m) => [m.month, m.noData, m.uptime])).toEqual([
      [3, false, 1],
      [2, false, 1],
      [1, true, null],
    ]);
  });

  test("flips before the first month are ignored but the status they left is used", async () => {
    const check = await checkWithFlips("down", [["2025-11-20T00:00:00Z", "up", "down"]]);
    const summary = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", months: 2, now: d("2026-03-15T12:00:00Z") });
    expect(summary.map((m) => [m.month, m.downSeconds, m.outages])).toEqual([
      [3, 14.5 * DAY, 1],
      [2, 28 * DAY, 1],
    ]);
  });
});
