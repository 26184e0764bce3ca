// Probe results for tests that record runs without running a probe.
import type { ProbeResult, ProbeVerdict } from "../../lib/probes/types";

/** A run with the verdict's usual fields (an error when down, a notice when degraded). */
export function makeResult(status: ProbeVerdict, extra: Partial<ProbeResult> = {}): ProbeResult {
  return {
    date: new Date(),
    region: "local",
    status,
    rtt_ms: 12.345,
    notice: status === "degraded" ? "median round trip time exceeded threshold" : null,
    error: status === "down" ? "connect ECONNREFUSED 127.0.0.1:1" : null,
    http_status: status === "down" ? null : 200,
    cert_expires: new Date("2027-01-02T03:04:05.678Z"),
    cert_issuer: "CN=Test CA",
    resolved_ip: "127.0.0.1",
    evidence: status === "down" ? "it's <b>broken</b> \\ 'quoted'" : null,
    attempts: [{ rtt_ms: 12.345, error: null, timings: { dns_ms: 0.012, connect_ms: 0.2, tls_ms: null, ttfb_ms: 11.5, total_ms: 12.345 } }],
    ...extra,
  };
}
