import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export interface RemoveMemberOptions {
  actor: Actor;
  projectCode: string;
  memberUserId: number;
  tx?: Tx;
}

/**
 * Removes a member from the project's team (managers and the owner). The owner cannot be
 * removed: AppError("not_found"), as for anyone else without a member row.
 */
export async function removeMember({ actor, projectCode, memberUserId, tx }: RemoveMemberOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "manage", tx);
    const { count } = await tx.member.deleteMany({ where: { projectId: project.id, userId: memberUserId } });
    if (count === 0) throw new AppError("not_found", "no such team member");
  });
}
