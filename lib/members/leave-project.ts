import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export interface LeaveProjectOptions {
  actor: Actor;
  projectCode: string;
  tx?: Tx;
}

/**
 * Takes the actor off the project's team (any member, read-only included). The owner cannot
 * leave (AppError("bad_request")): they transfer ownership or delete the project instead.
 */
export async function leaveProject({ actor, projectCode, tx }: LeaveProjectOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project, role } = await requireProjectAccess(actor, projectCode, "read", tx);
    if (actor.type !== "user") throw new AppError("forbidden", "only a team member can leave a project");
    if (role === "owner") {
      throw new AppError("bad_request", "The owner cannot leave the project: transfer its ownership or delete it.");
    }
    await tx.member.deleteMany({ where: { projectId: project.id, userId: actor.userId } });
  });
}
