import type { Check } from "../db";
import { getDb } from "../db";
import { getFirstReminderAt, getStatus, goingDownAfter } from "../checks/status";

const RETRY_BROKEN_CHECK_MS = 60 * 60 * 1000;

/**
 * Second half of Healthchecks' handle_going_down, for a check row the scan read at `now`: if
 * the check is down, marks it down and records a "timeout" flip dated at the exact deadline;
 * otherwise moves alert_after to the recomputed deadline. Returns true if it created a flip.
 * If the status cannot be computed (bad schedule) it pushes alert_after an hour ahead, so one
 * broken check cannot spin the loop, and rethrows.
 */
export async function updateGoingDown(check: Check, now: Date): Promise<boolean> {
  const db = getDb();
  let status: string;
  let deadline: Date | null;
  try {
    status = getStatus(check, now);
    deadline = goingDownAfter(check);
  } catch (err) {
    // updateMany: the check may have been deleted since the scan read it.
    await db.check.updateMany({
      where: { id: check.id },
      data: { alertAfter: new Date(now.getTime() + RETRY_BROKEN_CHECK_MS) },
    });
    throw err;
  }

  // Compare-and-set on everything the decision was computed from. Healthchecks matches only
  // the status; also matching alert_after, last_ping and last_start means a ping committed
  // after our read (e.g. the job's success arriving right at the deadline) makes the update
  // miss instead of marking a healthy check down. Another sendalerts making the same decision
  // also misses: exactly one process writes the flip.
  const unchanged = {
    id: check.id,
    status: check.status,
    alertAfter: check.alertAfter,
    lastPing: check.lastPing,
    lastStart: check.lastStart,
  };

  if (status !== "down") {
    await db.check.updateMany({ where: unchanged, data: { alertAfter: deadline } });
    return false;
  }

  // One transaction so a crash cannot leave the check down without the flip that alerts.
  return db.$transaction(async (tx) => {
    const nextReminderAt = getFirstReminderAt("down", check.reminderInterval, now);
    const { count } = await tx.check.updateMany({ where: unchanged, data: { status: "down", alertAfter: null, nextReminderAt } });
    if (count !== 1) return false;
    await tx.flip.create({
      data: {
        checkId: check.id,
        // The moment it went down, which may be well before `now` if sendalerts was stopped.
        createdAt: deadline ?? now,
        oldStatus: check.status,
        newStatus: "down",
        reason: "timeout",
      },
    });
    return true;
  });
}
