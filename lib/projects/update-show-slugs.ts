import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export interface UpdateShowSlugsOptions {
  actor: Actor;
  projectCode: string;
  showSlugs: boolean;
  tx?: Tx;
}

/**
 * Sets whether the UI shows slug ping URLs instead of UUID URLs (team members and up). Slug
 * URLs need a ping key: turning them on without one throws AppError("bad_request").
 */
export async function updateShowSlugs({ actor, projectCode, showSlugs, tx }: UpdateShowSlugsOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
    if (showSlugs && !project.pingKey) throw new AppError("bad_request", "Create a ping key first: slug URLs contain it.");
    await tx.project.update({ where: { id: project.id }, data: { showSlugs } });
  });
}
