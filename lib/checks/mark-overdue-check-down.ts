import { getDb } from "../db";
import { getFirstReminderAt } from "../pings/apply-ping";
import { getStatus } from "./get-status";
import { lockCheck } from "./lock-check";
import type { CheckTiming } from "./types";

function isDown(check: CheckTiming, now: Date): boolean {
  try {
    return getStatus(check, now) === "down";
  } catch {
    // An unevaluable schedule has no deadline to be past.
    return false;
  }
}

/**
 * The web UI's rule after a period or schedule edit (§3.5): if the new settings make an "up"
 * check overdue, it goes down at once with an already processed flip, so no alert is sent for
 * what the user just did. (The API leaves this to sendalerts, which does alert.) Returns true
 * if the check was marked down.
 */
export async function markOverdueCheckDown(checkId: number, now: Date = new Date()): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockCheck(tx, checkId))) return false;
    const check = await tx.check.findUniqueOrThrow({ where: { id: checkId } });
    if (check.status !== "up" || !isDown(check, now)) return false;
    await tx.flip.create({ data: { checkId, createdAt: now, processedAt: now, oldStatus: "up", newStatus: "down" } });
    const nextReminderAt = getFirstReminderAt("down", check.reminderInterval, now);
    await tx.check.update({ where: { id: checkId }, data: { status: "down", alertAfter: null, nextReminderAt } });
    return true;
  });
}
