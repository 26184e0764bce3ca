import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./lock-check";

/**
 * Moves a check to another project, keeping its UUID, pings and history (Healthchecks'
 * transfer): it then notifies all of the new project's channels and none of the old. Throws
 * AppError("forbidden", "the target project's check limit is reached") when the new owner has
 * no room, and AppError("not_found", "") if the check is gone.
 */
export async function moveCheck(checkId: number, targetProjectId: number): Promise<Check> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockCheck(tx, checkId))) throw new AppError("not_found", "");
    const check = await tx.check.findUniqueOrThrow({ where: { id: checkId } });
    if (check.projectId === targetProjectId) return check;
    const target = await tx.project.findUniqueOrThrow({ where: { id: targetProjectId }, include: { owner: true } });
    const used = await tx.check.count({ where: { project: { ownerId: target.ownerId } } });
    // Moving between two projects of one owner does not use up another check.
    const source = await tx.project.findUniqueOrThrow({ where: { id: check.projectId }, select: { ownerId: true } });
    if (source.ownerId !== target.ownerId && used >= target.owner.checkLimit) {
      throw new AppError("forbidden", "the target project's check limit is reached");
    }
    const channels = await tx.channel.findMany({ where: { projectId: targetProjectId }, select: { id: true } });
    await tx.channelCheck.deleteMany({ where: { checkId } });
    if (channels.length) await tx.channelCheck.createMany({ data: channels.map((c) => ({ channelId: c.id, checkId })) });
    return tx.check.update({ where: { id: checkId }, data: { projectId: targetProjectId } });
  });
}
