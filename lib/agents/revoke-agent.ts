import type { Actor } from "../auth/actor";
import { requireInstanceAdmin } from "../auth/permissions";
import { getDb, type Agent } from "../db";
import { AppError } from "../errors";

export interface RevokeAgentOptions {
  actor: Actor;
  /** The agent's public id (UUID). */
  agentCode: string;
}

/**
 * Revokes an agent's token: its next request is 401 and it stops, and it no longer counts as
 * live, so its share moves to the region's other agents at their next poll. The row stays (its
 * results keep their agent). Revoking twice keeps the first date. Throws AppError("forbidden")
 * for anyone but the system or an instance administrator, "not_found" for an unknown agent.
 */
export async function revokeAgent({ actor, agentCode }: RevokeAgentOptions): Promise<Agent> {
  const db = getDb();
  await requireInstanceAdmin(actor, db);
  const agent = await db.agent.findUnique({ where: { code: agentCode } });
  if (!agent) throw new AppError("not_found", "agent not found");
  if (agent.revokedAt) return agent;
  await db.agent.updateMany({ where: { id: agent.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return db.agent.findUniqueOrThrow({ where: { id: agent.id } });
}
