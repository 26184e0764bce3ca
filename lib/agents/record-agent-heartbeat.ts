// What an agent's request tells about it: that it is alive (last_seen_at, which its region's
// split reads), its version, address and clock skew. Every request carries it, and an agent
// sending a backlog posts many batches a second, so the row is written at most once per
// HEARTBEAT_MIN_MS per agent in this process; liveness is measured in tens of seconds.
import { getDb, type Agent } from "../db";

const HEARTBEAT_MIN_MS = 1_000;
/** A skew beyond this is a broken header, not a clock: stored clamped (the column is an int). */
const MAX_SKEW_MS = 365 * 86_400_000;

const lastWritten = new Map<number, number>();

export interface AgentHeartbeat {
  agent: Agent;
  /** X-Vigil-Agent-Version (trimmed to 100 characters). */
  version: string;
  /** The client's address (lib/net/trusted-proxies rules). */
  address: string;
  /** The agent's clock minus the server's, in ms; null when the agent sent no usable time. */
  clockSkewMs: number | null;
  now: Date;
}

/**
 * The agent's clock minus `now`, from X-Vigil-Agent-Time (Unix ms); null when absent or not a
 * number. Includes the request's transit time, a few ms, which is below what the skew is for.
 */
export function measureClockSkew(header: string | undefined, now: Date): number | null {
  if (header === undefined || !/^\d{1,16}$/.test(header.trim())) return null;
  const skew = Number(header.trim()) - now.getTime();
  return Math.max(-MAX_SKEW_MS, Math.min(MAX_SKEW_MS, skew));
}

/** Records the request; returns true if the row was written (false: within HEARTBEAT_MIN_MS of the last write). */
export async function recordAgentHeartbeat({ agent, version, address, clockSkewMs, now }: AgentHeartbeat): Promise<boolean> {
  const last = lastWritten.get(agent.id);
  if (last !== undefined && now.getTime() - last < HEARTBEAT_MIN_MS && now.getTime() >= last) return false;
  lastWritten.set(agent.id, now.getTime());
  await getDb().agent.updateMany({
    // A revoke between the authentication and here must not be undone: revoked rows are left.
    where: { id: agent.id, revokedAt: null },
    data: {
      version: version.slice(0, 100),
      address: address.slice(0, 100),
      lastSeenAt: now,
      ...(clockSkewMs === null ? {} : { clockSkewMs: Math.round(clockSkewMs) }),
    },
  });
  return true;
}

/** Forgets when each agent was last written (tests that move the clock). */
export function clearHeartbeatThrottle(): void {
  lastWritten.clear();
}
