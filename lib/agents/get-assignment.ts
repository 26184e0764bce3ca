// An agent's assignment: its share of its region's probe checks. The split is recomputed on every
// poll from the agents live now, so an agent that stops has its share taken over by the others
// at their first poll after AGENT_LIVE_MS (three polls: 15 s), and run it from the checks' next
// slots: within 20 s plus one interval, so within two intervals for any interval of 20 s or more.
// One that starts takes its share at its first poll.
import type { Actor } from "../auth/actor";
import type { AgentAssignment } from "./protocol-v1";
import { AGENT_POLL_SECONDS, findLiveAgents } from "./liveness";
import { findRegionChecks } from "./probe-checks";
import { requireAgent } from "./queries";
import { getAgentShare } from "./split";
import { getDb } from "../db";

/**
 * The asking agent's assignment. The asker always counts itself live (its heartbeat may not be
 * written yet, or be throttled), so it is never handed nothing because of its own silence.
 * Throws as requireAgent does.
 */
export async function getAgentAssignment({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<AgentAssignment> {
  const agent = await requireAgent(actor);
  const [live, checks] = await Promise.all([findLiveAgents(getDb(), now), findRegionChecks(agent.region, now.getTime())]);
  const peers = live.filter((a) => a.region === agent.region).map((a) => a.code);
  const mine = new Set(getAgentShare(agent.code, peers, checks.map((c) => c.code)));
  return {
    agent: { id: agent.code, name: agent.name, region: agent.region },
    server_time: now.getTime(),
    poll_seconds: AGENT_POLL_SECONDS,
    checks: checks.filter((c) => mine.has(c.code)).map((c) => ({ id: c.code, probe: c.probe })),
  };
}
