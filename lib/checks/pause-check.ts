import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { updateNextNagDates } from "./update-next-nag-dates";
import { lockCheck } from "./find-check";

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
 * Pausing a paused check changes nothing. Throws AppError on access (see requireCheckAccess).
 */
export async function pauseCheck({ actor, checkCode, tx, now = new Date() }: PauseCheckOptions): Promise<Check> {
  return inTransaction(tx, async (tx) => {
    // Lock before reading: see lockCheck.
    await lockCheck(tx, checkCode);
    const { check } = await requireCheckAccess(actor, checkCode, "write", tx);
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
