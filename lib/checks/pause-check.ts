import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./lock-check";
import { updateNextNagDates } from "../reports/update-next-nag-dates";

/**
 * Pauses a check: records a flip to "paused" that is already processed (so no notification
 * is sent, but downtime statistics see the change), clears last_start and alert_after.
 * Pausing a paused check changes nothing. Throws AppError("not_found", "") if it is gone.
 */
export async function pauseCheck(checkId: number, now = new Date()): Promise<Check> {
  const paused = await getDb().$transaction(async (tx) => {
    if (!(await lockCheck(tx, checkId))) throw new AppError("not_found", "");
    const check = await tx.check.findUniqueOrThrow({ where: { id: checkId } });
    if (check.status === "paused") return check;
    await tx.flip.create({
      data: { checkId, createdAt: now, processedAt: now, oldStatus: check.status, newStatus: "paused" },
    });
    return tx.check.update({
      where: { id: checkId },
      data: { status: "paused", lastStart: null, alertAfter: null, nextReminderAt: null, consecutiveFailures: 0 },
    });
  });
  // Pausing a down check can leave none down: that stops the team's "still down" reminders.
  await updateNextNagDates({ projectId: paused.projectId }, now);
  return paused;
}
