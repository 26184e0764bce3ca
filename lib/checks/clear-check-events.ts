import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./lock-check";

/**
 * The UI's "clear events" (§3.5): the check starts over as "new" with no last ping, run or
 * deadline, and its pings, flips and notifications are deleted. n_pings keeps counting, so
 * ping numbers are never reused. Throws AppError("not_found", "") if the check is gone.
 */
export async function clearCheckEvents(checkId: number): Promise<Check> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockCheck(tx, checkId))) throw new AppError("not_found", "");
    await tx.ping.deleteMany({ where: { checkId } });
    await tx.notification.deleteMany({ where: { checkId } });
    await tx.flip.deleteMany({ where: { checkId } });
    return tx.check.update({
      where: { id: checkId },
      data: { status: "new", lastPing: null, lastStart: null, lastStartRid: null, lastDuration: null, alertAfter: null,
        nextReminderAt: null, consecutiveFailures: 0 },
    });
  });
}
