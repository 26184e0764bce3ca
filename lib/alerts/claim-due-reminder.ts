import type { Flip } from "../db";
import { getDb } from "../db";

/** Flip.reason of the synthetic flips that carry "still down" reminders. */
export const REMINDER_REASON = "reminder";

/**
 * Claims the "still down" reminder that has been due longest (Check.next_reminder_at <= now on
 * a down check) by moving next_reminder_at one reminder_interval past `now`, and returns it as
 * a synthetic, unsaved down→down Flip with reason "reminder", ready for deliverFlip(). Returns
 * null when no reminder is due.
 *
 * The flip is never written to the flips table: flips are status changes, and the API's flips
 * list, downtime summaries and "the downtime lasted" all read that table, so a stored reminder
 * would show up there as a status change. Transports get a normal down Flip, unchanged.
 *
 * Like claimNextFlip, the conditional update lets exactly one of several sendalerts processes
 * win a reminder; sending is at most once. A stopped sendalerts sends one reminder on restart,
 * not one per missed interval.
 */
export async function claimDueReminder(now: Date = new Date()): Promise<Flip | null> {
  const db = getDb();
  for (;;) {
    // Deliberately unindexed: every ping rewrites its check row, and PostgreSQL then updates
    // every index of the table, so one more index cost ~4% of ping throughput. This scans the
    // checks table, so sendalerts only asks when its cached earliest time says a reminder is
    // due (create-reminder-clock.ts). Folding reminder times into alert_after (NULL for down
    // checks today, so free for this use) would make it indexed at no cost.
    const check = await db.check.findFirst({
      where: { nextReminderAt: { lte: now }, status: "down" },
      orderBy: { nextReminderAt: "asc" },
      select: { id: true, nextReminderAt: true, reminderInterval: true },
    });
    if (!check) return null;
    const next = check.reminderInterval > 0 ? new Date(now.getTime() + check.reminderInterval * 1000) : null;
    const { count } = await db.check.updateMany({
      where: { id: check.id, status: "down", nextReminderAt: check.nextReminderAt },
      data: { nextReminderAt: next },
    });
    if (count !== 1 || next === null) continue;
    return { id: 0, checkId: check.id, createdAt: now, processedAt: now, oldStatus: "down", newStatus: "down", reason: REMINDER_REASON };
  }
}
