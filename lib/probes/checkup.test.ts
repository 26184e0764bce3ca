// Checkup's config as tables: durations, each checker type with Checkup's defaults, and the
// errors a bad file gets. No network: the runs are tested in tests/probes/vigil-check.test.ts.
import { describe, expect, test } from "vitest";
import { AppError } from "../errors";
import { type CheckupChecker, type CheckupRun, formatCheckupJson, formatCheckupTable, isAnyDown, parseCheckupConfig, parseGoDuration } from "./checkup";

describe("parseGoDuration", () => {
  test.each<[unknown, number | null]>([
    ["10m", 600_000],
    ["1h", 3_600_000],
    ["30s", 30_000],
    ["1h30m", 5_400_000],
    ["1.5s", 1500],
    ["300ms", 300],
    ["250us", 0.25],
    ["0", 0],
    [2_000_000_000, 2000], // Go's JSON Duration: nanoseconds
    ["10", null],
    ["ten minutes", null],
    ["1d", null],
    ["", null],
    [true, null],
  ])("%j → %j", (input, expected) => {
    expect(parseGoDuration(input)).toBe(expected);
  });
});

describe("parseCheckupConfig", () => {
  const one = (checker: Record<string, unknown>) => parseCheckupConfig({ checkers: [checker] })[0];

  test("an http checker gets Checkup's defaults: 200-204, GET, no redirects, 10 s", () => {
    const c = one({ type: "http", endpoint_name: "Site", endpoint_url: "https://example.org" });
    expect(c).toMatchObject({
      kind: "probe",
      title: "Site",
      endpoint: "https://example.org",
      config: { type: "http", url: "https://example.org", method: "GET", expected_status: "200-204", follow_redirects: false, timeout: 10, attempts: 1, threshold_rtt: 0 },
    });
  });

  test("an http checker keeps up_status, keywords, headers, attempts and durations", () => {
    const c = one({
      type: "http",
      endpoint_name: "API",
      endpoint_url: "http://10.0.0.1/health",
      up_status: 204,
      threshold_rtt: "500ms",
      attempts: 5,
      attempt_spacing: "100ms",
      must_contain: "ok",
      must_not_contain: "fail",
      headers: { "X-Token": ["a", "b"], Host: "api.example.org" },
    });
    expect(c).toMatchObject({
      thresholdMs: 500,
      config: {
        expected_status: "204",
        threshold_rtt: 500,
        attempts: 5,
        attempt_spacing: 100,
        must_contain: "ok",
        must_not_contain: "fail",
        headers: { "X-Token": "a, b", Host: "api.example.org" },
      },
    });
  });

  test("tcp and dns checkers time out after 1 s unless told", () => {
    expect(one({ type: "tcp", endpoint_name: "db", endpoint_url: "db:5432", tls: true })).toMatchObject({
      config: { type: "tcp", address: "db:5432", tls: true, tls_skip_verify: false, timeout: 1 },
    });
    expect(one({ type: "tcp", endpoint_name: "db", endpoint_url: "db:5432", timeout: "3s" })).toMatchObject({ config: { timeout: 3 } });
    expect(one({ type: "dns", endpoint_name: "ns", endpoint_url: "1.1.1.1:53", hostname_fqdn: "example.org" })).toMatchObject({
      config: { type: "dns", server: "1.1.1.1:53", hostname: "example.org", record_type: "A", timeout: 1 },
    });
  });

  test("a tls checker's cert_expiry_threshold is a duration (default 14 days) or a number of days", () => {
    expect(one({ type: "tls", endpoint_name: "t", endpoint_url: "example.org:443" })).toMatchObject({ config: { cert_expiry_threshold: 14, timeout: 10 } });
    expect(one({ type: "tls", endpoint_name: "t", endpoint_url: "example.org:443", cert_expiry_threshold: "720h" })).toMatchObject({ config: { cert_expiry_threshold: 30 } });
    expect(one({ type: "tls", endpoint_name: "t", endpoint_url: "example.org:443", cert_expiry_threshold: 7 })).toMatchObject({ config: { cert_expiry_threshold: 7 } });
  });

  test("an exec checker keeps its command, arguments and raise", () => {
    expect(one({ type: "exec", name: "disk", command: "df", arguments: ["-h", "/"], raise: "warn", must_contain: "/" })).toEqual({
      kind: "exec",
      title: "disk",
      endpoint: "df -h /",
      command: "df",
      args: ["-h", "/"],
      thresholdMs: 0,
      mustContain: "/",
      mustNotContain: "",
      warnOnly: true,
      attempts: 1,
      spacingMs: 0,
    });
  });

  test.each<[unknown, string]>([
    [[], 'checkup.json: expected an object with a "checkers" list'],
    [{ checkers: {} }, 'checkup.json: expected an object with a "checkers" list'],
    [{ checkers: [1] }, "checkup.json: checker 1 is not an object"],
    [{ checkers: [{ type: "ping", endpoint_name: "x" }] }, 'checkup.json: checker "x": type must be one of http, tcp, dns, tls, exec'],
    [{ checkers: [{ type: "http", endpoint_name: "x", endpoint_url: "nope" }] }, 'checkup.json: checker "x": probe.url is not a valid http(s) URL'],
    [{ checkers: [{ type: "http", endpoint_name: "x", endpoint_url: "http://a", threshold_rtt: "fast" }] }, 'checkup.json: checker "x": threshold_rtt is not a duration like "500ms" or "10s"'],
    [{ checkers: [{ type: "exec", name: "x" }] }, 'checkup.json: checker "x": command is required'],
    [{ checkers: [{ type: "exec", name: "x", command: "true", raise: "panic" }] }, 'checkup.json: checker "x": raise must be error or warn'],
  ])("refuses %j", (json, message) => {
    expect(() => parseCheckupConfig(json)).toThrow(new AppError("bad_request", message));
  });
});

describe("formatting", () => {
  const result = (status: "healthy" | "degraded" | "down", rtts: number[], extra: Partial<CheckupRun["result"]> = {}): CheckupRun["result"] => ({
    date: new Date("2026-01-02T03:04:05.678Z"),
    region: "local",
    status,
    rtt_ms: rtts[Math.floor(rtts.length / 2)],
    notice: null,
    error: null,
    http_status: null,
    cert_expires: null,
    cert_issuer: null,
    resolved_ip: null,
    evidence: null,
    attempts: rtts.map((r, i) => ({ rtt_ms: r, error: status === "down" && i === 0 ? "connection refused" : null, timings: { dns_ms: null, connect_ms: null, tls_ms: null, ttfb_ms: null, total_ms: r } })),
    ...extra,
  });
  const checker = (title: string, thresholdMs = 0): CheckupChecker => ({
    kind: "exec",
    title,
    endpoint: `https://${title}`,
    command: "x",
    args: [],
    thresholdMs,
    mustContain: "",
    mustNotContain: "",
    warnOnly: false,
    attempts: 1,
    spacingMs: 0,
  });
  const runs: CheckupRun[] = [
    { checker: checker("a"), result: result("healthy", [1.5, 2.25]) },
    { checker: checker("b", 200), result: result("degraded", [250], { notice: "median round trip time exceeded threshold" }) },
    { checker: checker("c"), result: result("down", [3], { error: "connection refused" }) },
  ];

  test("the JSON is Checkup's Result array, with nanosecond integers", () => {
    expect(formatCheckupJson(runs)).toBe(
      "[" +
        '{"title":"a","endpoint":"https://a","timestamp":1767323045678000000,"times":[{"rtt":1500000},{"rtt":2250000}],"healthy":true},' +
        '{"title":"b","endpoint":"https://b","timestamp":1767323045678000000,"times":[{"rtt":250000000}],"threshold":200000000,"degraded":true,"notice":"median round trip time exceeded threshold"},' +
        '{"title":"c","endpoint":"https://c","timestamp":1767323045678000000,"times":[{"rtt":3000000,"error":"connection refused"}],"down":true}' +
        "]",
    );
  });

  test("the table has a row per checker with its verdict, round trips and notice or error", () => {
    expect(formatCheckupTable(runs).split("\n")).toEqual([
      "NAME  VERDICT   MEDIAN  MIN     MAX     NOTICE",
      "a     healthy   2.25ms  1.50ms  2.25ms",
      "b     degraded  250ms   250ms   250ms   median round trip time exceeded threshold",
      "c     down      3.00ms  3.00ms  3.00ms  connection refused",
    ]);
  });

  test("any down run fails the command; degraded ones do not", () => {
    expect(isAnyDown(runs)).toBe(true);
    expect(isAnyDown(runs.slice(0, 2))).toBe(false);
  });
});
