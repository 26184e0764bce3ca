import { getDb } from "../db";

/** Re-read at most this often; reminder intervals are at least 60 s (check-spec.ts). */
const RESCAN_MS = 5000;

export interface ReminderClock {
  /** Epoch ms of the earliest due "still down" reminder (Infinity: none), at most RESCAN_MS old. */
  next(): Promise<number>;
  /** Forget the cached time, after a claim changed it. */
  invalidate(): void;
}

/**
 * The earliest next_reminder_at of a down check, cached for sendalerts' loop. The column is
 * deliberately unindexed (see claim-due-reminder.ts), so reading it scans the checks table;
 * asking every 250 ms round would cost a large install a steady share of a core. A reminder
 * set after the last read (a check going down elsewhere) is seen within RESCAN_MS, long before
 * it is due, so reminders still leave on time.
 */
export function createReminderClock(): ReminderClock {
  let readAt = -Infinity;
  let earliest = Infinity;
  return {
    async next() {
      if (Date.now() - readAt >= RESCAN_MS) {
        readAt = Date.now();
        const first = await getDb().check.findFirst({
          where: { nextReminderAt: { not: null }, status: "down" },
          orderBy: { nextReminderAt: "asc" },
          select: { nextReminderAt: true },
        });
        earliest = first?.nextReminderAt?.getTime() ?? Infinity;
      }
      return earliest;
    },
    invalidate() {
      readAt = -Infinity;
    },
  };
}
