import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export interface AcceptTransferOptions {
  actor: Actor;
  projectCode: string;
  tx?: Tx;
}

/**
 * The member the owner offered the project to accepts: they become the owner and the old
 * owner stays on as a team member ("w"), as in Healthchecks. Refused with
 * AppError("forbidden") without a pending offer, and with AppError("conflict") when the
 * project's checks would take the new owner past their check limit or the ownership changed
 * meanwhile.
 */
export async function acceptTransfer({ actor, projectCode, tx }: AcceptTransferOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "read", tx);
    if (actor.type !== "user") throw new AppError("forbidden", "there is no ownership transfer offer to accept");
    const userId = actor.userId;
    const member = await tx.member.findUnique({ where: { userId_projectId: { userId, projectId: project.id } } });
    if (!member?.transferRequestDate) throw new AppError("forbidden", "there is no ownership transfer offer to accept");

    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { checkLimit: true } });
    const owned = await tx.check.count({ where: { project: { ownerId: userId } } });
    const incoming = await tx.check.count({ where: { projectId: project.id } });
    if (owned + incoming > user.checkLimit) {
      throw new AppError("conflict", `Accepting would take you to ${owned + incoming} checks, over your limit of ${user.checkLimit}.`);
    }

    // Both writes are conditional so that a concurrent cancel, re-offer or second accept
    // leaves the team as it was instead of with two owners or none.
    const claimed = await tx.member.deleteMany({ where: { id: member.id, transferRequestDate: { not: null } } });
    const moved = await tx.project.updateMany({ where: { id: project.id, ownerId: project.ownerId }, data: { ownerId: userId } });
    if (claimed.count !== 1 || moved.count !== 1) throw new AppError("conflict", "the ownership transfer offer changed; reload and try again");
    await tx.member.updateMany({ where: { projectId: project.id }, data: { transferRequestDate: null } });
    await tx.member.create({ data: { userId: project.ownerId, projectId: project.id, role: "w" } });
  });
}
