import type { Actor } from "../auth/actor";
import { requireCheckAccess, requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./find-check";

export interface MoveCheckOptions {
  actor: Actor;
  checkCode: string;
  targetProjectCode: string;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

/**
 * Moves a check to another project, keeping its UUID, pings and history (Healthchecks'
 * transfer): it then notifies all of the new project's channels and none of the old. The actor
 * must be able to write to both projects. Throws AppError on access to either (see
 * requireCheckAccess), and AppError("forbidden", "the target project's check limit is
 * reached") when the new owner has no room.
 */
export async function moveCheck({ actor, checkCode, targetProjectCode, tx }: MoveCheckOptions): Promise<Check> {
  return inTransaction(tx, async (tx) => {
    // Lock before reading: see lockCheck.
    await lockCheck(tx, checkCode);
    const { check, project: source } = await requireCheckAccess(actor, checkCode, "write", tx);
    const { project: target } = await requireProjectAccess(actor, targetProjectCode, "write", tx);
    if (check.projectId === target.id) return check;
    // Moving between two projects of one owner does not use up another check.
    if (source.ownerId !== target.ownerId) {
      const owner = await tx.user.findUniqueOrThrow({ where: { id: target.ownerId }, select: { checkLimit: true } });
      const used = await tx.check.count({ where: { project: { ownerId: target.ownerId } } });
      if (used >= owner.checkLimit) throw new AppError("forbidden", "the target project's check limit is reached");
    }
    const channels = await tx.channel.findMany({ where: { projectId: target.id }, select: { id: true } });
    await tx.channelCheck.deleteMany({ where: { checkId: check.id } });
    if (channels.length) await tx.channelCheck.createMany({ data: channels.map((c) => ({ channelId: c.id, checkId: check.id })) });
    return tx.check.update({ where: { id: check.id }, data: { projectId: target.id } });
  });
}
