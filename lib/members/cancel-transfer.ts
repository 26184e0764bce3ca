import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * Withdraws a pending ownership offer: the owner cancels it, or the member it was made to
 * declines it. Anyone else on the team gets AppError("forbidden"); nothing pending is a no-op
 * for the owner and AppError("not_found") for a member.
 */
export async function cancelTransfer(userId: number, projectCode: string): Promise<void> {
  const { project, role } = await requireProjectAccess(userActor(userId), projectCode, "read");
  const db = getDb();
  if (role === "owner") {
    await db.member.updateMany({ where: { projectId: project.id }, data: { transferRequestDate: null } });
    return;
  }
  const { count } = await db.member.updateMany({
    where: { projectId: project.id, userId, transferRequestDate: { not: null } },
    data: { transferRequestDate: null },
  });
  if (count === 0) throw new AppError("not_found", "there is no ownership transfer offer to decline");
}
