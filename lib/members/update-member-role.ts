import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";
import { memberRoleSchema, toMemberCode, type MemberRole } from "./member-role";

/**
 * Changes a member's role (managers and the owner). Throws AppError("not_found") when the
 * user is not a member (the owner has no member row and keeps "owner").
 */
export async function updateMemberRole(actorId: number, projectCode: string, memberUserId: number, role: MemberRole): Promise<void> {
  const { project } = await requireProjectAccess(userActor(actorId), projectCode, "manage");
  const code = toMemberCode(memberRoleSchema.parse(role));
  const { count } = await getDb().member.updateMany({
    where: { projectId: project.id, userId: memberUserId },
    data: { role: code },
  });
  if (count === 0) throw new AppError("not_found", "no such team member");
}
