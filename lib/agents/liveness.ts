// Which remote agents are alive: an agent asks for its assignment every AGENT_POLL_SECONDS, so
// one not heard from for AGENT_LIVE_MS (three polls) is taken as gone. Its region's checks are
// then split among the region's other live agents, and a region with none counts as "no data"
// in a multi-region check's rounds, never as failing.
import type { Db, Tx } from "../db";

/** How often an agent asks for its assignment (and so says it is alive). */
export const AGENT_POLL_SECONDS = 5;
/** An agent silent this long is not live: its share moves to the others. */
export const AGENT_LIVE_MS = 3 * AGENT_POLL_SECONDS * 1000;

export interface LiveAgent {
  id: number;
  code: string;
  region: string;
}

/** The agents heard from within AGENT_LIVE_MS of `now` and not revoked, by region then code. */
export async function findLiveAgents(db: Db | Tx, now: Date = new Date()): Promise<LiveAgent[]> {
  return db.agent.findMany({
    where: { revokedAt: null, lastSeenAt: { gte: new Date(now.getTime() - AGENT_LIVE_MS) } },
    select: { id: true, code: true, region: true },
    orderBy: [{ region: "asc" }, { code: "asc" }],
  });
}

/** The regions that can report: "local" (the server's own prober) and every region with a live agent. */
export function getLiveRegions(agents: readonly Pick<LiveAgent, "region">[]): Set<string> {
  return new Set(["local", ...agents.map((a) => a.region)]);
}
