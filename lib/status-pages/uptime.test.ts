import { describe, expect, test } from "vitest";
import { formatUptime, getUptimeDays, walkUptimeDays, type UptimeWalkInput } from "./uptime";

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 2, 1); // 2026-03-01T00:00Z
const at = (day: number, hour = 0) => T0 + day * D + hour * H;

/** Three UTC days from 2026-03-01, now at noon of the third (today, partial). */
function input(over: Partial<UptimeWalkInput>): UptimeWalkInput {
  return {
    days: getUptimeDays(3, "UTC", new Date(at(2, 12))),
    now: at(2, 12),
    checkCreatedAt: at(-10),
    status: "up",
    flips: [],
    maintenance: [],
    incidents: [],
    ...over,
  };
}

type Row = [date: string, uptime: number | null, known: number, down: number, maintenance: number];
const rows = (bar: ReturnType<typeof walkUptimeDays>): Row[] =>
  bar.days.map((d) => [d.date, d.uptime, d.knownSeconds / 3600, d.downSeconds / 3600, d.maintenanceSeconds / 3600]);

describe("getUptimeDays", () => {
  test.each([
    ["UTC", "2026-03-03T12:00:00Z", ["2026-03-01", "2026-03-02", "2026-03-03"], [24, 24, 24]],
    // Europe/Riga springs forward on 29 March 2026: that day has 23 hours.
    ["Europe/Riga", "2026-03-30T12:00:00Z", ["2026-03-28", "2026-03-29", "2026-03-30"], [24, 23, 24]],
    // and falls back on 25 October: 25 hours.
    ["Europe/Riga", "2026-10-26T08:00:00Z", ["2026-10-24", "2026-10-25", "2026-10-26"], [24, 25, 24]],
    ["Not/A_Zone", "2026-03-03T00:00:00Z", ["2026-03-01", "2026-03-02", "2026-03-03"], [24, 24, 24]],
  ])("in %s at %s the days are %j lasting %j hours", (tz, now, dates, hours) => {
    const days = getUptimeDays(3, tz, new Date(now));
    expect(days.map((d) => d.date)).toEqual(dates);
    expect(days.map((d) => (d.end - d.start) / H)).toEqual(hours);
    expect(days[1]!.start).toBe(days[0]!.end);
  });

  test("a day starts at midnight on the zone's wall clock", () => {
    const [day] = getUptimeDays(1, "America/New_York", new Date("2026-07-04T12:00:00Z"));
    expect(new Date(day!.start).toISOString()).toBe("2026-07-04T04:00:00.000Z");
  });
});

describe("walkUptimeDays", () => {
  const cases: [string, Partial<UptimeWalkInput>, Row[], number | null][] = [
    ["an up check is up every day, today counted until now", {}, [["2026-03-01", 1, 24, 0, 0], ["2026-03-02", 1, 24, 0, 0], ["2026-03-03", 1, 12, 0, 0]], 1],
    [
      "a down stretch across midnight counts on both days",
      { flips: [{ at: at(0, 22), oldStatus: "up", newStatus: "down" }, { at: at(1, 4), oldStatus: "down", newStatus: "up" }] },
      [["2026-03-01", 22 / 24, 24, 2, 0], ["2026-03-02", 20 / 24, 24, 4, 0], ["2026-03-03", 1, 12, 0, 0]],
      54 / 60,
    ],
    [
      "a check created mid-day is known from then on",
      { checkCreatedAt: at(1, 18), flips: [{ at: at(1, 18), oldStatus: "new", newStatus: "up" }] },
      [["2026-03-01", null, 0, 0, 0], ["2026-03-02", 1, 6, 0, 0], ["2026-03-03", 1, 12, 0, 0]],
      1,
    ],
    [
      "time while new (created, never pinged) is unknown",
      { checkCreatedAt: at(0, 6), status: "up", flips: [{ at: at(1, 6), oldStatus: "new", newStatus: "up" }] },
      [["2026-03-01", null, 0, 0, 0], ["2026-03-02", 1, 18, 0, 0], ["2026-03-03", 1, 12, 0, 0]],
      1,
    ],
    [
      "time while paused is unknown, not up",
      { status: "paused", flips: [{ at: at(1, 12), oldStatus: "down", newStatus: "paused" }, { at: at(1, 6), oldStatus: "up", newStatus: "down" }] },
      [["2026-03-01", 1, 24, 0, 0], ["2026-03-02", 6 / 12, 12, 6, 0], ["2026-03-03", null, 0, 0, 0]],
      30 / 36,
    ],
    [
      "an active check's hours without runs are unknown (the prober was not running)",
      {
        // Runs every hour on day 1 and the first 6 hours of day 2, each vouching for 10 minutes more.
        runHours: [...Array.from({ length: 24 }, (_, h) => at(0, h)), ...Array.from({ length: 6 }, (_, h) => at(1, h))],
        coverMs: 10 * 60_000,
      },
      [["2026-03-01", 1, 24, 0, 0], ["2026-03-02", 1, 6 + 1 / 6, 0, 0], ["2026-03-03", null, 0, 0, 0]],
      1,
    ],
    [
      "maintenance over a down stretch is neither up nor down",
      {
        flips: [{ at: at(0, 10), oldStatus: "up", newStatus: "down" }, { at: at(0, 14), oldStatus: "down", newStatus: "up" }],
        maintenance: [{ start: at(0, 9), end: at(0, 12) }],
      },
      [["2026-03-01", 19 / 21, 21, 2, 3], ["2026-03-02", 1, 24, 0, 0], ["2026-03-03", 1, 12, 0, 0]],
      55 / 57,
    ],
    [
      "a check that has never been seen has no data at all",
      { checkCreatedAt: at(-1), status: "new" },
      [["2026-03-01", null, 0, 0, 0], ["2026-03-02", null, 0, 0, 0], ["2026-03-03", null, 0, 0, 0]],
      null,
    ],
    [
      "an active check without any run has no data at all",
      { runHours: [], coverMs: 60_000 },
      [["2026-03-01", null, 0, 0, 0], ["2026-03-02", null, 0, 0, 0], ["2026-03-03", null, 0, 0, 0]],
      null,
    ],
  ];
  test.each(cases)("%s", (_name, over, expected, uptime) => {
    const bar = walkUptimeDays(input(over));
    const got = rows(bar);
    expect(got.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    got.forEach((row, i) => {
      const want = expected[i]!;
      if (want[1] === null) expect(row[1]).toBeNull();
      else expect(row[1]).toBeCloseTo(want[1], 9);
      expect(row.slice(2)).toEqual(want.slice(2).map((n) => expect.closeTo(n as number, 9)));
    });
    if (uptime === null) expect(bar.uptime).toBeNull();
    else expect(bar.uptime).toBeCloseTo(uptime, 9);
  });

  test("degraded time counts as up and is reported", () => {
    const bar = walkUptimeDays(input({ flips: [{ at: at(1, 8), oldStatus: "up", newStatus: "degraded" }, { at: at(1, 11), oldStatus: "degraded", newStatus: "up" }] }));
    expect(bar.days[1]).toMatchObject({ uptime: 1, degradedSeconds: 3 * 3600, downSeconds: 0 });
  });

  test("a day on a DST change is counted over its real length", () => {
    const now = new Date("2026-03-30T12:00:00Z");
    const days = getUptimeDays(3, "Europe/Riga", now);
    const bar = walkUptimeDays({ ...input({}), days, now: now.getTime() });
    expect(bar.days.map((d) => d.knownSeconds / 3600)).toEqual([24, 23, 15]);
  });

  test("a day lists the incidents that overlap it, unresolved ones until now", () => {
    const bar = walkUptimeDays(
      input({
        incidents: [
          { code: "b", name: "Late", impact: "minor", startedAt: at(1, 23), resolvedAt: at(2, 1) },
          { code: "a", name: "Open", impact: "major", startedAt: at(0, 5), resolvedAt: null },
          { code: "c", name: "Ended at midnight", impact: "none", startedAt: at(0, 1), resolvedAt: at(1) },
        ],
      }),
    );
    expect(bar.days.map((d) => d.incidents.map((i) => i.code))).toEqual([["c", "a"], ["a", "b"], ["a", "b"]]);
  });
});

describe("formatUptime", () => {
  test.each([
    [1, "100.00%"],
    [0.99999, "99.99%"],
    [0.9995, "99.95%"],
    [0.5, "50.00%"],
    [0, "0.00%"],
    [1 - 1 / (90 * 86400), "99.99%"],
    [null, "No data"],
  ])("%s shows as %s (floored: one failure never shows 100%)", (fraction, text) => {
    expect(formatUptime(fraction)).toBe(text);
  });
});
