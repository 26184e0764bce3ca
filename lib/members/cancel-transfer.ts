import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export interface CancelTransferOptions {
  actor: Actor;
  projectCode: string;
  tx?: Tx;
}

/**
 * Withdraws a pending ownership offer: the owner cancels it, or the member it was made to
 * declines it. Anyone else on the team gets AppError("not_found") (there is no offer of theirs
 * to decline); nothing pending is a no-op for the owner.
 */
export async function cancelTransfer({ actor, projectCode, tx }: CancelTransferOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project, role } = await requireProjectAccess(actor, projectCode, "read", tx);
    if (role === "owner") {
      await tx.member.updateMany({ where: { projectId: project.id }, data: { transferRequestDate: null } });
      return;
    }
    const userId = actor.type === "user" ? actor.userId : null;
    const { count } = userId
      ? await tx.member.updateMany({
          where: { projectId: project.id, userId, transferRequestDate: { not: null } },
          data: { transferRequestDate: null },
        })
      : { count: 0 };
    if (count === 0) throw new AppError("not_found", "there is no ownership transfer offer to decline");
  });
}
