import { getDb } from "../db";
import { TEST_NOTIFICATION_RETENTION_MS } from "./retention";

export interface PruneNotificationsResult {
  /** Checks that lost at least one notification. */
  checks: number;
  notifications: number;
  /** Test notifications (sent from an integration's page, so of no check). */
  testNotifications: number;
}

/**
 * Removes each check's notifications older than its oldest kept ping (Healthchecks' removed
 * prunenotifications command, which Check.prune() now does at every 100th ping); a check
 * without pings keeps them. Test notifications belong to no check, so no ping prune ever
 * reaches them: Vigil removes those after 93 days. One short delete per check. Returns totals.
 */
export async function pruneNotifications(now: Date = new Date()): Promise<PruneNotificationsResult> {
  const db = getDb();
  const result: PruneNotificationsResult = { checks: 0, notifications: 0, testNotifications: 0 };
  const candidates = await db.notification.groupBy({ by: ["checkId"], where: { checkId: { not: null } }, orderBy: { checkId: "asc" } });
  for (const { checkId } of candidates) {
    if (checkId === null) continue;
    const oldest = await db.ping.findFirst({ where: { checkId }, orderBy: { n: "asc" }, select: { createdAt: true } });
    if (!oldest) continue;
    const { count } = await db.notification.deleteMany({ where: { checkId, createdAt: { lt: oldest.createdAt } } });
    if (count > 0) result.checks++;
    result.notifications += count;
  }
  const tests = await db.notification.deleteMany({
    where: { checkId: null, createdAt: { lt: new Date(now.getTime() - TEST_NOTIFICATION_RETENTION_MS) } },
  });
  result.testNotifications = tests.count;
  return result;
}
