// The wire protocol (version 1, in the path) between the server and remote probe agents (`vigil agent`), shared by both
// sides: plain JSON over HTTPS, the agent always the one asking (it opens no port). Types,
// constants and zod schemas: no database, so the agent imports this without the server's parts.
//
// Every request: `Authorization: Bearer <token>`, `X-Vigil-Agent-Version: <version>` and
// `X-Vigil-Agent-Time: <the agent's clock, Unix ms, when it sent the request>`. A missing,
// unknown or revoked token is 401 {"error"}; the agent then stops with that message.
//
//   GET  /api/agent/v1/assignment → 200 AgentAssignment
//   POST /api/agent/v1/results  AgentResultsBatch → 200 AgentResultsAnswer
//        (at most AGENT_MAX_BATCH results and AGENT_MAX_BODY_BYTES; more is 413 {"error"})
//
// Network errors, 429 and 5xx mean "try again later, same batch": results carry ids, so a
// batch sent twice stores each result once.
import { z } from "zod";
import type { ProbeConfig, ProbeResult } from "../probes/types";

export const AGENT_API_PREFIX = "/api/agent/v1/";
export const AGENT_MAX_BATCH = 500;
export const AGENT_MAX_BODY_BYTES = 2 * 1024 * 1024;
export const AGENT_VERSION_HEADER = "x-vigil-agent-version";
export const AGENT_TIME_HEADER = "x-vigil-agent-time";

export interface AgentAssignment {
  agent: { id: string; name: string; region: string };
  /** The server's clock when it answered, Unix ms (the agent may show its own skew). */
  server_time: number;
  /** Ask again after this many seconds (the assignment changes as agents come and go). */
  poll_seconds: number;
  /** This agent's share of its region's probe checks. */
  checks: AssignedCheck[];
}

export interface AssignedCheck {
  /** The check's UUID. */
  id: string;
  /** The probe as the management API shows it (`probe` of a check). */
  probe: ProbeConfig;
}

export interface AgentResult {
  /** Unique per agent and result (a UUID): the replay guard. */
  id: string;
  /** The check's UUID. */
  check: string;
  /** The slot the run was for, on the agent's clock, Unix ms (lib/probes/schedule.ts). */
  due: number;
  /** The run (dates ISO 8601, on the agent's clock). */
  result: AgentProbeResult;
}

export interface AgentResultsBatch {
  results: AgentResult[];
  /** How many results the agent has dropped in all (its disk queue was full), since it began. */
  dropped: number;
}

export interface AgentResultsAnswer {
  /** Stored now. */
  accepted: number;
  /** Stored before (a replay). */
  duplicates: number;
  /** Refused for good (unknown check, not in this agent's region, malformed): not to be resent. */
  rejected: { id: string; error: string }[];
}

/** A ProbeResult on the wire: its dates as ISO 8601 strings. */
export type AgentProbeResult = Omit<ProbeResult, "date" | "cert_expires"> & { date: string; cert_expires: string | null };

// ---------------------------------------------------------------------------------------------
// The server's reading of a results batch. The envelope is strict (a body that fails it is 400);
// each result is read on its own, so one malformed result is rejected by id without refusing
// the others the agent would otherwise resend for ever.

const shortText = (max: number) => z.string().max(max);
const nullableText = (max: number) => shortText(max).nullable();
const ms = z.number().finite().min(0).max(86_400_000);
const isoDate = z.string().max(40).refine((v) => !Number.isNaN(Date.parse(v)), { error: "is not an ISO 8601 date" });

const agentAttemptSchema = z.object({
  rtt_ms: ms,
  error: nullableText(1000),
  timings: z.object({
    dns_ms: ms.nullable(),
    connect_ms: ms.nullable(),
    tls_ms: ms.nullable(),
    ttfb_ms: ms.nullable(),
    total_ms: ms,
  }),
});

export const agentProbeResultSchema = z.object({
  date: isoDate,
  // Ignored: the server stores the region of the agent's token, never what a result claims.
  region: shortText(40),
  status: z.enum(["healthy", "degraded", "down"]),
  rtt_ms: ms,
  notice: nullableText(1000),
  error: nullableText(1000),
  http_status: z.number().int().min(100).max(999).nullable(),
  cert_expires: isoDate.nullable(),
  cert_issuer: nullableText(1000),
  resolved_ip: nullableText(100),
  evidence: nullableText(4096),
  attempts: z.array(agentAttemptSchema).max(10),
});

export const agentResultSchema = z.object({
  id: z.string().min(1).max(100),
  check: z.uuid(),
  due: z.number().int().min(0),
  result: agentProbeResultSchema,
});

/** The envelope only; `results` are checked one by one with agentResultSchema. */
export const agentResultsBatchSchema = z.object({
  results: z.array(z.unknown()),
  dropped: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
