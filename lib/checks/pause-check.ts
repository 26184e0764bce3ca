import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { AppError } from "../errors";
import { updateNextNagDates } from "../reports/update-next-nag-dates";
import { lockCheck } from "./lock-check";

export interface PauseCheckOptions {
  actor: Actor;
  checkCode: string;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
  now?: Date;
}

/**
 * Pauses a check: records a flip to "paused" that is already processed (so no notification
 * is sent, but downtime statistics see the change), clears last_start and alert_after.
 * Pausing a paused check changes nothing. Throws AppError on access (see requireCheckAccess),
 * and AppError("not_found") if the check is deleted meanwhile.
 */
export async function pauseCheck({ actor, checkCode, tx, now = new Date() }: PauseCheckOptions): Promise<Check> {
  return inTransaction(tx, async (tx) => {
    const { check: found } = await requireCheckAccess(actor, checkCode, "write", tx);
    if (!(await lockCheck(tx, found.id))) throw new AppError("not_found", "");
    const check = await tx.check.findUniqueOrThrow({ where: { id: found.id } });
    if (check.status === "paused") return check;
    await tx.flip.create({
      data: { checkId: check.id, createdAt: now, processedAt: now, oldStatus: check.status, newStatus: "paused" },
    });
    const paused = await tx.check.update({
      where: { id: check.id },
      data: { status: "paused", lastStart: null, alertAfter: null, nextReminderAt: null, consecutiveFailures: 0 },
    });
    // Pausing a down check can leave none down: that stops the team's "still down" reminders.
    await updateNextNagDates({ projectId: paused.projectId }, now, tx);
    return paused;
  });
}
