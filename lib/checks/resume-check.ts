import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./find-check";

export interface ResumeCheckOptions {
  actor: Actor;
  checkCode: string;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
  now?: Date;
}

/**
 * Resumes a paused check as "new" (it waits for its next ping before it can go down again),
 * recording an already processed flip so no notification is sent. Throws AppError on access
 * (see requireCheckAccess) and AppError("conflict", "check is not paused") for any other status.
 */
export async function resumeCheck({ actor, checkCode, tx, now = new Date() }: ResumeCheckOptions): Promise<Check> {
  return inTransaction(tx, async (tx) => {
    // Lock before reading: see lockCheck.
    await lockCheck(tx, checkCode);
    const { check } = await requireCheckAccess(actor, checkCode, "write", tx);
    if (check.status !== "paused") throw new AppError("conflict", "check is not paused");
    await tx.flip.create({
      data: { checkId: check.id, createdAt: now, processedAt: now, oldStatus: "paused", newStatus: "new" },
    });
    return tx.check.update({
      where: { id: check.id },
      data: { status: "new", lastStart: null, lastPing: null, alertAfter: null, nextReminderAt: null, consecutiveFailures: 0 },
    });
  });
}
