import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * Takes the user off the project's team (any member, read-only included). The owner cannot
 * leave (AppError("bad_request")): they transfer ownership or delete the project instead.
 */
export async function leaveProject(userId: number, projectCode: string): Promise<void> {
  const { project, role } = await requireProjectAccess(userActor(userId), projectCode, "read");
  if (role === "owner") {
    throw new AppError("bad_request", "The owner cannot leave the project: transfer its ownership or delete it.");
  }
  await getDb().member.deleteMany({ where: { projectId: project.id, userId } });
}
