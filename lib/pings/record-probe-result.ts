// A probe run recorded as a ping: the one write path every ping source shares, so an active
// check gets the statuses, flips, failure threshold, deadlines and event log of any check, and
// its run is written to probe_results in the same transaction (batched with other pings).
import type { ProbeResult } from "../probes/types";
import { recordPing } from "./record-ping";
import type { PingResult } from "./types";

export interface RecordProbeResultOptions {
  /** The check's UUID. */
  checkCode: string;
  result: ProbeResult;
}

const formatMs = (ms: number) => `${ms.toFixed(1)} ms`;

/**
 * The ping body of a run, one line the event log shows: "HTTP 200 in 123.4 ms", "healthy in
 * 2.1 ms" (types without a status code), "down: connect ECONNREFUSED", "degraded: median
 * round trip time exceeded threshold".
 */
export function getProbeSummary(result: Pick<ProbeResult, "status" | "rtt_ms" | "http_status" | "error" | "notice">): string {
  if (result.status === "down") return `down: ${result.error ?? "failed"}`;
  if (result.status === "degraded") return `degraded: ${result.notice ?? `round trip ${formatMs(result.rtt_ms)}`}`;
  return result.http_status !== null ? `HTTP ${result.http_status} in ${formatMs(result.rtt_ms)}` : `healthy in ${formatMs(result.rtt_ms)}`;
}

/**
 * Records one probe run and resolves once it is committed: healthy → a success ping, down → a
 * failure ping (failure_threshold applies), degraded → a success that sets the status
 * "degraded". 404 "not found" when the check no longer exists. The caller has checked access
 * (the API) or is the prober itself, as a ping URL's UUID is its own authorization.
 */
export function recordProbeResult({ checkCode, result }: RecordProbeResultOptions): Promise<PingResult> {
  return recordPing({
    target: { code: checkCode },
    action: result.status === "down" ? "fail" : "success",
    exitStatus: null,
    rid: null,
    // Beyond Healthchecks' http/https/email: the event log tells probe runs from pings by it.
    scheme: "probe",
    remoteAddr: null,
    method: "",
    ua: `Vigil probe (${result.region})`,
    body: Buffer.from(getProbeSummary(result)),
    receivedAt: result.date.getTime(),
    probe: result,
  });
}
