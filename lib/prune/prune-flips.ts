import { getDb } from "../db";
import { FLIP_RETENTION_MS } from "./retention";

export interface PruneFlipsResult {
  /** Checks that lost at least one flip. */
  checks: number;
  flips: number;
}

/**
 * Removes flips nothing needs any more: older than 93 days (downtime statistics cover the
 * current month and the two before it) and older than the oldest ping their check kept (the
 * event log shows flips among pings), as Healthchecks' Check.prune(). A check without pings
 * keeps 93 days of flips. One short delete per check. Returns totals.
 */
export async function pruneFlips(now: Date = new Date()): Promise<PruneFlipsResult> {
  const db = getDb();
  const cutoff = new Date(now.getTime() - FLIP_RETENTION_MS);
  const result: PruneFlipsResult = { checks: 0, flips: 0 };
  // Only checks with a flip past the retention can lose any; served by flips(check_id, created_at).
  const candidates = await db.flip.groupBy({ by: ["checkId"], where: { createdAt: { lt: cutoff } }, orderBy: { checkId: "asc" } });
  for (const { checkId } of candidates) {
    const oldest = await db.ping.findFirst({ where: { checkId }, orderBy: { n: "asc" }, select: { createdAt: true } });
    const threshold = oldest && oldest.createdAt < cutoff ? oldest.createdAt : cutoff;
    const { count } = await db.flip.deleteMany({ where: { checkId, createdAt: { lt: threshold } } });
    if (count > 0) result.checks++;
    result.flips += count;
  }
  return result;
}
