// A remote agent's batch of probe runs, from the wire to submitProbeResults. It lives in
// lib/pings, not lib/agents, because the ping path reads lib/agents (live agents decide a
// multi-region round's "no data") and concepts import one way.
//
// Agent clocks are not trusted blindly: each run's date and slot are moved by the skew measured
// on this very request (X-Vigil-Agent-Time against the server's clock), and the receive time is
// the server's. Replays are harmless: a result id the agent already delivered is a duplicate.
import type { Actor } from "../auth/actor";
import {
  AGENT_MAX_BATCH,
  agentResultSchema,
  agentResultsBatchSchema,
  type AgentResult,
  type AgentResultsAnswer,
} from "../agents/protocol-v1";
import { doesProbeListRegion } from "../agents/probe-checks";
import { requireAgent } from "../agents/queries";
import { getDb, type Agent } from "../db";
import { AppError } from "../errors";
import { getRoundStart } from "../probes/schedule";
import type { ProbeConfig } from "../probes/types";
import { submitProbeResults, type SubmittedProbeResult } from "./submit-probe-result";

export interface RecordAgentResultsOptions {
  actor: Actor;
  /** The parsed JSON body (AgentResultsBatch, unchecked). */
  batch: unknown;
  /** Measured on this request (lib/agents/record-agent-heartbeat measureClockSkew); null = use the last one stored. */
  clockSkewMs: number | null;
  receivedAt?: Date;
}

// One batch per agent at a time in this process: the duplicate lookup and the insert must not
// interleave with a replay of the same batch, or the second insert would hit the
// (agent_id, result_key) unique index and fail the ping store's whole transaction. The
// protocol has the agent wait for each answer, so this only orders a retry behind its original.
const inFlight = new Map<number, Promise<unknown>>();

async function oneAtATime<T>(agentId: number, run: () => Promise<T>): Promise<T> {
  const before = inFlight.get(agentId) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(run);
  inFlight.set(agentId, mine);
  try {
    return await mine;
  } finally {
    if (inFlight.get(agentId) === mine) inFlight.delete(agentId);
  }
}

function describeIssue(err: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = err.issues[0];
  if (!issue) return "invalid";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Stores a batch and answers how each result fared; resolves only once the accepted ones are
 * committed. Throws AppError("bad_request") for a body that is not a batch, "payload_too_large"
 * over AGENT_MAX_BATCH results, "unavailable" when the database cannot take the runs now (the
 * agent resends the batch; what was committed comes back as duplicates), and as requireAgent.
 */
export async function recordAgentResults({ actor, batch, clockSkewMs, receivedAt = new Date() }: RecordAgentResultsOptions): Promise<AgentResultsAnswer> {
  const agent = await requireAgent(actor);
  const envelope = agentResultsBatchSchema.safeParse(batch);
  if (!envelope.success) throw new AppError("bad_request", `invalid results batch: ${describeIssue(envelope.error)}`);
  const { results, dropped } = envelope.data;
  if (results.length > AGENT_MAX_BATCH) {
    throw new AppError("payload_too_large", `a batch holds at most ${AGENT_MAX_BATCH} results, got ${results.length}`);
  }
  const skew = clockSkewMs ?? agent.clockSkewMs ?? 0;
  const answer = await oneAtATime(agent.id, () => storeResults(agent, results, skew, receivedAt));
  if (dropped !== agent.droppedResults) {
    await getDb().agent.update({ where: { id: agent.id }, data: { droppedResults: Math.min(dropped, 2_147_483_647) } });
  }
  return answer;
}

async function storeResults(agent: Agent, items: readonly unknown[], skew: number, receivedAt: Date): Promise<AgentResultsAnswer> {
  const answer: AgentResultsAnswer = { accepted: 0, duplicates: 0, rejected: [] };
  const valid: AgentResult[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const parsed = agentResultSchema.safeParse(item);
    if (!parsed.success) {
      const id = typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : "";
      answer.rejected.push({ id: id.slice(0, 100), error: `malformed result: ${describeIssue(parsed.error)}` });
    } else if (seen.has(parsed.data.id)) {
      answer.duplicates++;
    } else {
      seen.add(parsed.data.id);
      valid.push(parsed.data);
    }
  }
  if (valid.length === 0) return answer;

  const db = getDb();
  // One query each for the replay guard and the checks, over the unique (agent_id, result_key)
  // index and checks.code.
  const [stored, checks] = await Promise.all([
    db.probeResult.findMany({ where: { agentId: agent.id, resultKey: { in: valid.map((r) => r.id) } }, select: { resultKey: true } }),
    db.check.findMany({ where: { code: { in: [...new Set(valid.map((r) => r.check))] } }, select: { code: true, probe: true } }),
  ]);
  const storedKeys = new Set(stored.map((s) => s.resultKey));
  const probes = new Map<string, ProbeConfig | null>(checks.map((c) => [c.code, doesProbeListRegion(c.probe, agent.region)]));

  const submitted: { id: string; item: SubmittedProbeResult }[] = [];
  for (const r of valid) {
    if (storedKeys.has(r.id)) {
      answer.duplicates++;
      continue;
    }
    if (!probes.has(r.check)) {
      answer.rejected.push({ id: r.id, error: "unknown check" });
      continue;
    }
    const probe = probes.get(r.check);
    if (!probe) {
      answer.rejected.push({ id: r.id, error: `the check is not probed from region ${agent.region}` });
      continue;
    }
    const { date, cert_expires, ...rest } = r.result;
    submitted.push({
      id: r.id,
      item: {
        checkCode: r.check,
        result: {
          ...rest,
          region: agent.region,
          date: new Date(Date.parse(date) - skew),
          cert_expires: cert_expires === null ? null : new Date(Date.parse(cert_expires)),
        },
        round: new Date(getRoundStart(r.check, probe.interval * 1000, r.due - skew)),
        agentId: agent.id,
        resultKey: r.id,
        receivedAt,
        // Read just above: a check of one region is then recorded without reading it again.
        probe,
      },
    });
  }
  // In run order, so a check's pings and flips follow the order its runs happened in.
  submitted.sort((a, b) => a.item.result.date.getTime() - b.item.result.date.getTime());
  const outcomes = await submitProbeResults(submitted.map((s) => s.item));
  let unavailable = false;
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 503) unavailable = true;
    else if (outcome.status === 404) answer.rejected.push({ id: submitted[i].id, error: "unknown check" });
    else answer.accepted++;
  });
  // Nothing acknowledged may be lost: the agent keeps the whole batch and sends it again.
  if (unavailable) throw new AppError("unavailable", "the server is busy; send the batch again later");
  return answer;
}
