import type { ProbeResult } from "../probes/types";
import type { SqlValue } from "./sql-literal";

/**
 * A run as the stores write it: a ProbeResult, plus where a remote agent's run came from (the
 * server's own runs leave these out and get NULL).
 */
export type ProbeResultRow = ProbeResult & {
  round?: Date | null;
  agentId?: number | null;
  resultKey?: string | null;
  receivedAt?: Date | null;
};

/**
 * The probe_results columns both ping stores insert, in order, with their types, and a run's
 * values for them: one list, so the SQLite and PostgreSQL stores cannot drift apart.
 */
export const PROBE_RESULT_COLUMNS = [
  ["check_id", "int"],
  ["date", "timestamp"],
  ["region", "text"],
  ["status", "text"],
  ["rtt_ms", "float"],
  ["notice", "text"],
  ["error", "text"],
  ["http_status", "int"],
  ["cert_expires", "timestamp"],
  ["cert_issuer", "text"],
  ["resolved_ip", "text"],
  ["evidence", "text"],
  ["attempts", "text"],
  ["round", "timestamp"],
  ["agent_id", "int"],
  ["result_key", "text"],
  ["received_at", "timestamp"],
] as const;

/** The row's values in PROBE_RESULT_COLUMNS order; attempts as JSON text, as the column holds them. */
export function getProbeResultValues(checkId: number, r: ProbeResultRow): SqlValue[] {
  return [
    checkId,
    r.date,
    r.region,
    r.status,
    r.rtt_ms,
    r.notice,
    r.error,
    r.http_status,
    r.cert_expires,
    r.cert_issuer,
    r.resolved_ip,
    r.evidence,
    JSON.stringify(r.attempts),
    r.round ?? null,
    r.agentId ?? null,
    r.resultKey ?? null,
    r.receivedAt ?? null,
  ];
}

/** The same row as the ORM writes it (a round's run, stored without a ping); kept beside the list above. */
export function getProbeResultData(checkId: number, r: ProbeResultRow) {
  return {
    checkId,
    date: r.date,
    region: r.region,
    status: r.status,
    rttMs: r.rtt_ms,
    notice: r.notice,
    error: r.error,
    httpStatus: r.http_status,
    certExpires: r.cert_expires,
    certIssuer: r.cert_issuer,
    resolvedIp: r.resolved_ip,
    evidence: r.evidence,
    attempts: JSON.stringify(r.attempts),
    round: r.round ?? null,
    agentId: r.agentId ?? null,
    resultKey: r.resultKey ?? null,
    receivedAt: r.receivedAt ?? null,
  };
}
