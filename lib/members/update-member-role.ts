import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";
import { memberRoleSchema, toMemberCode } from "./team";

export interface UpdateMemberRoleOptions {
  actor: Actor;
  projectCode: string;
  memberUserId: number;
  /** A raw form value; memberRoleSchema decides. */
  role: unknown;
  tx?: Tx;
}

/**
 * Changes a member's role (managers and the owner). Throws ZodError for an unknown role and
 * AppError("not_found") when the user is not a member (the owner has no member row and keeps
 * "owner").
 */
export async function updateMemberRole({ actor, projectCode, memberUserId, role, tx }: UpdateMemberRoleOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "manage", tx);
    const code = toMemberCode(memberRoleSchema.parse(role));
    const { count } = await tx.member.updateMany({ where: { projectId: project.id, userId: memberUserId }, data: { role: code } });
    if (count === 0) throw new AppError("not_found", "no such team member");
  });
}
