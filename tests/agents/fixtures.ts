// Agents, probe checks and results for the agent tests.
import { randomUUID } from "node:crypto";
import { SYSTEM } from "../../lib/auth/actor";
import { createAgent } from "../../lib/agents/create-agent";
import type { AgentResult } from "../../lib/agents/protocol-v1";
import { getDb } from "../../lib/db";
import { parseProbeConfig } from "../../lib/probes/config";
import { createCheck } from "../fixtures";

export async function createProbeCheck(projectId: number, regions: string[], interval = 60) {
  const probe = parseProbeConfig({ type: "http", url: "https://example.org/", regions, interval });
  return createCheck(projectId, { probe: JSON.stringify(probe) });
}

export async function addAgent(region: string, name = "") {
  return createAgent({ actor: SYSTEM, region, name });
}

export function sampleResult(check: string, at = Date.now(), extra: Partial<AgentResult> = {}): AgentResult {
  return {
    id: randomUUID(),
    check,
    due: at,
    result: {
      date: new Date(at).toISOString(),
      region: "eu-west",
      status: "healthy",
      rtt_ms: 12.5,
      notice: null,
      error: null,
      http_status: 200,
      cert_expires: null,
      cert_issuer: null,
      resolved_ip: "203.0.113.7",
      evidence: null,
      attempts: [{ rtt_ms: 12.5, error: null, timings: { dns_ms: 1, connect_ms: 2, tls_ms: 3, ttfb_ms: 5, total_ms: 12.5 } }],
    },
    ...extra,
  };
}

/** Marks an agent as last heard from `msAgo` ago. */
export async function setLastSeen(agentId: number, msAgo: number) {
  await getDb().agent.update({ where: { id: agentId }, data: { lastSeenAt: new Date(Date.now() - msAgo) } });
}
