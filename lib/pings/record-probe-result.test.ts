// The one-line ping body a probe run is logged with. No database.
import { describe, expect, test } from "vitest";
import { getProbeSummary } from "./record-probe-result";

describe("getProbeSummary", () => {
  test.each([
    { name: "a healthy HTTP run names the status code and the round trip", r: { status: "healthy", rtt_ms: 123.44, http_status: 200, error: null, notice: null }, text: "HTTP 200 in 123.4 ms" },
    { name: "a healthy run without a status code gives the round trip", r: { status: "healthy", rtt_ms: 2.06, http_status: null, error: null, notice: null }, text: "healthy in 2.1 ms" },
    { name: "a down run gives the error", r: { status: "down", rtt_ms: 0.5, http_status: null, error: "connect ECONNREFUSED", notice: null }, text: "down: connect ECONNREFUSED" },
    { name: "a degraded run gives the notice", r: { status: "degraded", rtt_ms: 900, http_status: 200, error: null, notice: "median round trip time exceeded threshold" }, text: "degraded: median round trip time exceeded threshold" },
  ] as const)("$name", ({ r, text }) => {
    expect(getProbeSummary(r)).toBe(text);
  });
});
