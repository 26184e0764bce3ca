import type { Flip } from "../db";
import { getDb } from "../db";

/**
 * Takes the oldest unprocessed flip for this process by marking it processed (Healthchecks'
 * process_one_flip). Returns the claimed flip, or null when the queue is empty.
 *
 * Delivery is at-most-once: the flip is marked before any notification is sent, so a crash
 * mid-delivery loses that alert rather than repeating it. Several sendalerts processes may race
 * for the same row; the conditional update lets exactly one of them win, and the losers move on
 * to the next flip.
 */
export async function claimNextFlip(): Promise<Flip | null> {
  const db = getDb();
  for (;;) {
    // Served by the processed_at index.
    const next = await db.flip.findFirst({ where: { processedAt: null }, orderBy: { id: "asc" } });
    if (!next) return null;
    const processedAt = new Date();
    const { count } = await db.flip.updateMany({ where: { id: next.id, processedAt: null }, data: { processedAt } });
    if (count === 1) return { ...next, processedAt };
  }
}
