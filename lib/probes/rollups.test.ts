import { describe, expect, test } from "vitest";
import { floorPeriod, percentile, summarizeRuns } from "./rollups";

describe("percentile (nearest rank)", () => {
  test.each([
    [[], 0.5, null],
    [[7], 0.5, 7],
    [[7], 0.95, 7],
    [[1, 2], 0.5, 1],
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.95, 95],
    [Array.from({ length: 100 }, (_, i) => i + 1), 0.5, 50],
    [[3, 5], 0, 3],
  ])("of %j at %d is %s", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("summarizeRuns", () => {
  const run = (status: string, rttMs: number) => ({ status, rttMs });
  test.each([
    ["no runs", [], { runs: 0, failures: 0, degraded: 0, p50Ms: null, p95Ms: null, maxMs: null }],
    ["one healthy run", [run("healthy", 12.5)], { runs: 1, failures: 0, degraded: 0, p50Ms: 12.5, p95Ms: 12.5, maxMs: 12.5 }],
    [
      "failed runs count but their times (a timeout) stay out of the percentiles",
      [run("healthy", 10), run("down", 10_000), run("healthy", 30), run("down", 5)],
      { runs: 4, failures: 2, degraded: 0, p50Ms: 10, p95Ms: 30, maxMs: 30 },
    ],
    [
      "degraded runs are counted apart and their times included",
      [run("degraded", 900), run("healthy", 100), run("healthy", 200)],
      { runs: 3, failures: 0, degraded: 1, p50Ms: 200, p95Ms: 900, maxMs: 900 },
    ],
    ["only failures", [run("down", 1), run("down", 2)], { runs: 2, failures: 2, degraded: 0, p50Ms: null, p95Ms: null, maxMs: null }],
  ])("%s", (_name, runs, expected) => {
    expect(summarizeRuns(runs)).toEqual(expected);
  });
});

describe("floorPeriod", () => {
  test.each([
    ["hour", "2026-12-03T20:59:59.999Z", "2026-12-03T20:00:00.000Z"],
    ["hour", "2026-12-03T21:00:00.000Z", "2026-12-03T21:00:00.000Z"],
    ["day", "2026-12-03T23:59:59.999Z", "2026-12-03T00:00:00.000Z"],
    ["day", "2026-12-04T00:00:00.000Z", "2026-12-04T00:00:00.000Z"],
  ] as const)("a %s holding %s starts at %s", (period, at, start) => {
    expect(new Date(floorPeriod(period, Date.parse(at))).toISOString()).toBe(start);
  });
});
