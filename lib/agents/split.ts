// How a region's probe checks are shared among its live agents, with no coordination between
// agents: each asks the server, and the server answers with a pure function of (live agents,
// checks). Rendezvous (highest-random-weight) hashing: every check goes to the agent whose hash
// of (agent code, check code) is highest. When an agent joins it takes ~1/n of each other
// agent's checks and nothing else moves; when one leaves only its checks move, spread over the
// others. A modulo split would reshuffle nearly everything on every change.
import { createHash } from "node:crypto";

/**
 * The weight of (agent, check): the first 48 bits of SHA-256 over both codes. A cryptographic
 * hash because the weights of one check across agents must be independent; a cheap hash
 * (FNV) of strings sharing a long prefix makes some agents win far more than their share.
 */
export function getRendezvousWeight(agentCode: string, checkCode: string): number {
  return createHash("sha256").update(`${agentCode}\n${checkCode}`).digest().readUIntBE(0, 6);
}

/** The agent (by code) that runs `checkCode`, or null when there are none. Ties go to the lower code. */
export function pickAgent(agentCodes: readonly string[], checkCode: string): string | null {
  let best: string | null = null;
  let bestWeight = -1;
  for (const agent of agentCodes) {
    const weight = getRendezvousWeight(agent, checkCode);
    if (weight > bestWeight || (weight === bestWeight && best !== null && agent < best)) {
      best = agent;
      bestWeight = weight;
    }
  }
  return best;
}

/** The checks (codes, in their given order) that `agentCode` runs among `agentCodes`. */
export function getAgentShare(agentCode: string, agentCodes: readonly string[], checkCodes: readonly string[]): string[] {
  const agents = agentCodes.includes(agentCode) ? agentCodes : [...agentCodes, agentCode];
  return checkCodes.filter((check) => pickAgent(agents, check) === agentCode);
}

/** Every agent's share at once (for the agents page): agent code → number of checks. */
export function countShares(agentCodes: readonly string[], checkCodes: readonly string[]): Map<string, number> {
  const counts = new Map(agentCodes.map((a) => [a, 0]));
  for (const check of checkCodes) {
    const agent = pickAgent(agentCodes, check);
    if (agent !== null) counts.set(agent, (counts.get(agent) ?? 0) + 1);
  }
  return counts;
}
