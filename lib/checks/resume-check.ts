import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./lock-check";

/**
 * Resumes a paused check as "new" (it waits for its next ping before it can go down again),
 * recording an already processed flip so no notification is sent. Throws
 * AppError("conflict", "check is not paused") for any other status and
 * AppError("not_found", "") if the check is gone.
 */
export async function resumeCheck(checkId: number, now = new Date()): Promise<Check> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockCheck(tx, checkId))) throw new AppError("not_found", "");
    const check = await tx.check.findUniqueOrThrow({ where: { id: checkId } });
    if (check.status !== "paused") throw new AppError("conflict", "check is not paused");
    await tx.flip.create({
      data: { checkId, createdAt: now, processedAt: now, oldStatus: "paused", newStatus: "new" },
    });
    return tx.check.update({
      where: { id: checkId },
      data: { status: "new", lastStart: null, lastPing: null, alertAfter: null, nextReminderAt: null, consecutiveFailures: 0 },
    });
  });
}
