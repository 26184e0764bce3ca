import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";

export interface DeletePingKeyOptions {
  actor: Actor;
  projectCode: string;
  tx?: Tx;
}

/**
 * Revokes the project's ping key (team members and up): slug ping URLs answer 404 until a new
 * key is created, and the UI falls back to UUID URLs.
 */
export async function deletePingKey({ actor, projectCode, tx }: DeletePingKeyOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
    await tx.project.update({ where: { id: project.id }, data: { pingKey: null, showSlugs: false } });
  });
}
