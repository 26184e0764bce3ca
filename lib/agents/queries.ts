// Reads about agents: who a token belongs to, and the agents page (UpTime's workers page, for
// probes).
import type { Actor } from "../auth/actor";
import { requireInstanceAdmin } from "../auth/permissions";
import { getDb, type Agent } from "../db";
import { AppError } from "../errors";
import { AGENT_LIVE_MS, findLiveAgents } from "./liveness";
import { findRegionChecks } from "./probe-checks";
import { countShares } from "./split";
import { hashAgentToken, isAgentTokenShape, isSameTokenHash } from "./tokens";

/** The window runs per minute is averaged over. */
export const RUNS_WINDOW_MS = 5 * 60_000;

/**
 * The agent a bearer token belongs to. Throws AppError("unauthorized") for a missing, malformed,
 * unknown or revoked token (one message for all: the agent stops and shows it).
 */
export async function authenticateAgent(token: string | null): Promise<Agent> {
  const refused = new AppError("unauthorized", "unknown or revoked agent token");
  if (!token || !isAgentTokenShape(token)) throw refused;
  const hash = hashAgentToken(token);
  const agent = await getDb().agent.findUnique({ where: { tokenHash: hash } });
  if (!agent || agent.revokedAt || !isSameTokenHash(agent.tokenHash, hash)) throw refused;
  return agent;
}

/**
 * The agent an actor is: its row, if the actor is an agent that is still not revoked. Throws
 * AppError("forbidden") for other actors, "unauthorized" for an agent revoked meanwhile.
 */
export async function requireAgent(actor: Actor): Promise<Agent> {
  if (actor.type !== "agent") throw new AppError("forbidden", "only a remote agent can do this");
  const agent = await getDb().agent.findUnique({ where: { id: actor.agentId } });
  if (!agent || agent.revokedAt) throw new AppError("unauthorized", "unknown or revoked agent token");
  return agent;
}

export interface AgentRow {
  code: string;
  name: string;
  region: string;
  version: string;
  address: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
  /** The agent's clock minus the server's at its last request (ms); null before it was seen. */
  clockSkewMs: number | null;
  /** Probe runs stored from it per minute, over the last five minutes. */
  runsPerMinute: number;
  /** Its share of its region's probe checks now (0 when stale or revoked: the others have it). */
  checksAssigned: number;
  droppedResults: number;
  /** Not heard from for AGENT_LIVE_MS (three polls), or never. */
  isStale: boolean;
}

/**
 * Every agent, by region then name, for the agents page and `vigil agent list`. Throws
 * AppError("forbidden") for anyone but the system or an instance administrator.
 */
export async function listAgents({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<AgentRow[]> {
  const db = getDb();
  await requireInstanceAdmin(actor, db);
  const agents = await db.agent.findMany({ orderBy: [{ region: "asc" }, { name: "asc" }, { createdAt: "asc" }] });
  if (agents.length === 0) return [];
  // One grouped count over the (agent_id, date) index: a five-minute range per agent.
  const runs = await db.probeResult.groupBy({
    by: ["agentId"],
    where: { agentId: { in: agents.map((a) => a.id) }, date: { gte: new Date(now.getTime() - RUNS_WINDOW_MS) } },
    _count: { _all: true },
  });
  const runsByAgent = new Map(runs.map((r) => [r.agentId, r._count._all]));
  const live = await findLiveAgents(db, now);
  const assigned = new Map<string, number>();
  for (const region of new Set(live.map((a) => a.region))) {
    const codes = live.filter((a) => a.region === region).map((a) => a.code);
    const checks = await findRegionChecks(region, now.getTime());
    for (const [code, n] of countShares(codes, checks.map((c) => c.code))) assigned.set(code, n);
  }
  return agents.map((a) => ({
    code: a.code,
    name: a.name,
    region: a.region,
    version: a.version,
    address: a.address,
    createdAt: a.createdAt,
    lastSeenAt: a.lastSeenAt,
    revokedAt: a.revokedAt,
    clockSkewMs: a.clockSkewMs,
    runsPerMinute: Math.round(((runsByAgent.get(a.id) ?? 0) / (RUNS_WINDOW_MS / 60_000)) * 10) / 10,
    checksAssigned: assigned.get(a.code) ?? 0,
    droppedResults: a.droppedResults,
    isStale: a.lastSeenAt === null || now.getTime() - a.lastSeenAt.getTime() > AGENT_LIVE_MS,
  }));
}
