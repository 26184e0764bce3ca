import { describe, expect, test } from "vitest";
import {
  describeCertificateExpiry,
  formatMs,
  formatUptime,
  getCertificateState,
  getLinePaths,
  getNiceCeiling,
  getTimingSegments,
  getUptimeGrade,
  toChartPoints,
} from "../../components/probes/probe-display";
import type { ProbeTimings } from "../../lib/probes/types";

const timings = (dns: number | null, connect: number | null, tls: number | null, ttfb: number | null, total: number): ProbeTimings => ({
  dns_ms: dns,
  connect_ms: connect,
  tls_ms: tls,
  ttfb_ms: ttfb,
  total_ms: total,
});

describe("getTimingSegments", () => {
  test.each([
    ["an https request has every phase and the rest", timings(10, 20, 30, 40, 200), [["dns", 10, 5], ["connect", 20, 10], ["tls", 30, 15], ["ttfb", 40, 20], ["rest", 100, 50]]],
    ["plain http to an IP address has no DNS or TLS", timings(null, 5, null, 15, 20), [["connect", 5, 25], ["ttfb", 15, 75]]],
    ["a TCP probe is all connect", timings(1, 9, null, null, 10), [["dns", 1, 10], ["connect", 9, 90]]],
    ["phases adding up to more than the total share their sum", timings(null, 30, null, 30, 50), [["connect", 30, 50], ["ttfb", 30, 50]]],
    ["a zero total gives empty shares", timings(null, 0, null, null, 0), [["connect", 0, 0]]],
    ["a failure before any phase is all rest", timings(null, null, null, null, 12), [["rest", 12, 100]]],
  ])("%s", (_name, input, expected) => {
    expect(getTimingSegments(input).map((s) => [s.phase, s.ms, Number(s.percent.toFixed(6))])).toEqual(expected);
  });
});

describe("formatMs", () => {
  test.each([
    [0.4213, "0.42 ms"],
    [9.999, "10.0 ms"],
    [0, "0.00 ms"],
    [12.34, "12.3 ms"],
    [123.4, "123 ms"],
    [999.4, "999 ms"],
    [999.6, "1.00 s"],
    [1234, "1.23 s"],
    [12_345, "12.3 s"],
    [123_456, "123 s"],
    [Number.NaN, "—"],
  ])("writes %s ms as %j", (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe("uptime", () => {
  test.each([
    [100, "100%", "good"],
    [99.996, "99.99%", "good"],
    [99.9, "99.90%", "good"],
    [99.89, "99.89%", "fair"],
    [99, "99.00%", "fair"],
    [42.5, "42.50%", "poor"],
    [0, "0.00%", "poor"],
    [null, "—", "none"],
  ])("shows %s as %j, graded %s", (percent, text, grade) => {
    expect(formatUptime(percent)).toBe(text);
    expect(getUptimeGrade(percent)).toBe(grade);
  });
});

describe("certificate expiry", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
  test.each([
    ["a year away", at(365 * 24), 14, 365, "valid", "expires in 365 days"],
    ["exactly the threshold away", at(14 * 24), 14, 14, "valid", "expires in 14 days"],
    ["three days away", at(3 * 24 + 1), 14, 3, "expiring", "expires in 3 days"],
    ["a day and a bit away", at(25), 14, 1, "expiring", "expires in 1 day"],
    ["later today", at(5), 14, 0, "expiring", "expires today"],
    ["this very moment", at(0), 14, 0, "expired", "expired today"],
    ["an hour ago", at(-1), 14, 0, "expired", "expired today"],
    ["25 hours ago", at(-25), 14, -1, "expired", "expired 1 day ago"],
    ["ten days ago", at(-24 * 10), 14, -10, "expired", "expired 10 days ago"],
  ])("a certificate expiring %s", (_name, expires, threshold, daysLeft, state, text) => {
    const result = getCertificateState(expires, now, threshold);
    expect(result).toEqual({ daysLeft, state });
    expect(describeCertificateExpiry(result.daysLeft, result.state)).toBe(text);
  });
});

describe("chart geometry", () => {
  test.each([
    [0, 1],
    [-5, 1],
    [0.3, 0.5],
    [1, 1],
    [1.2, 2],
    [2.1, 2.5],
    [180, 200],
    [201, 250],
    [400, 500],
    [501, 1000],
    [7_300, 10_000],
  ])("the axis for a largest value of %s ends at %s", (max, ceiling) => {
    expect(getNiceCeiling(max)).toBeCloseTo(ceiling, 9);
  });

  test("merges runs and buckets oldest first, with failed runs drawn only as failures", () => {
    const points = toChartPoints(
      [
        { date: new Date(3000), rtt_ms: 12, status: "healthy" },
        { date: new Date(1000), rtt_ms: 5000, status: "down" },
        { date: new Date(4000), rtt_ms: 900, status: "degraded" },
      ],
      [{ start: new Date(2000), p50: 10, p95: 20, max: 30, failures: 2 }],
    );
    expect(points).toEqual([
      { at: 1000, p50: null, p95: null, max: null, failures: 1 },
      { at: 2000, p50: 10, p95: 20, max: 30, failures: 2 },
      { at: 3000, p50: 12, p95: null, max: 12, failures: 0 },
      { at: 4000, p50: 900, p95: null, max: 900, failures: 0 },
    ]);
  });

  test("a missing value breaks the line into pieces", () => {
    const points = [10, null, 20, 30].map((p50, i) => ({ at: i, p50, p95: null, max: null, failures: 0 }));
    expect(getLinePaths(points, (p) => p.p50, (at) => at * 10, (ms) => 100 - ms)).toBe("M0.0 90.0M20.0 80.0L30.0 70.0");
  });
});
