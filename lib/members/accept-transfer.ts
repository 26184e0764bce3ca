import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * The member the owner offered the project to accepts: they become the owner and the old
 * owner stays on as a team member ("w"), as in Healthchecks. Refused with
 * AppError("forbidden") without a pending offer, and with AppError("conflict") when the
 * project's checks would take the new owner past their check limit (§7.1) or the ownership
 * changed meanwhile.
 */
export async function acceptTransfer(userId: number, projectCode: string): Promise<void> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "read");
  const db = getDb();
  const member = await db.member.findUnique({ where: { userId_projectId: { userId, projectId: project.id } } });
  if (!member?.transferRequestDate) throw new AppError("forbidden", "there is no ownership transfer offer to accept");

  const [user, owned, incoming] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { checkLimit: true } }),
    db.check.count({ where: { project: { ownerId: userId } } }),
    db.check.count({ where: { projectId: project.id } }),
  ]);
  if (owned + incoming > user.checkLimit) {
    throw new AppError("conflict", `Accepting would take you to ${owned + incoming} checks, over your limit of ${user.checkLimit}.`);
  }

  await db.$transaction(async (tx) => {
    // Both writes are conditional so that a concurrent cancel, re-offer or second accept
    // leaves the team as it was instead of with two owners or none.
    const claimed = await tx.member.deleteMany({ where: { id: member.id, transferRequestDate: { not: null } } });
    const moved = await tx.project.updateMany({ where: { id: project.id, ownerId: project.ownerId }, data: { ownerId: userId } });
    if (claimed.count !== 1 || moved.count !== 1) throw new AppError("conflict", "the ownership transfer offer changed; reload and try again");
    await tx.member.updateMany({ where: { projectId: project.id }, data: { transferRequestDate: null } });
    await tx.member.create({ data: { userId: project.ownerId, projectId: project.id, role: "w" } });
  });
}
