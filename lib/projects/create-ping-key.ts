import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { generatePingKey } from "./keys";

export interface CreatePingKeyOptions {
  actor: Actor;
  projectCode: string;
  tx?: Tx;
}

/**
 * Gives the project a new ping key for slug URLs (team members and up); the old slug URLs
 * stop working. Returns it.
 */
export async function createPingKey({ actor, projectCode, tx }: CreatePingKeyOptions): Promise<string> {
  return inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
    const pingKey = generatePingKey();
    await tx.project.update({ where: { id: project.id }, data: { pingKey } });
    return pingKey;
  });
}
