import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * Removes a member from the project's team (managers and the owner). The owner cannot be
 * removed: AppError("not_found"), as for anyone else without a member row.
 */
export async function removeMember(actorId: number, projectCode: string, memberUserId: number): Promise<void> {
  const { project } = await requireProjectAccess(userActor(actorId), projectCode, "manage");
  const { count } = await getDb().member.deleteMany({ where: { projectId: project.id, userId: memberUserId } });
  if (count === 0) throw new AppError("not_found", "no such team member");
}
