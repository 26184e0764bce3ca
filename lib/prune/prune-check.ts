import { getDb } from "../db";
import { FLIP_RETENTION_MS } from "./retention";

export interface CheckPruneCounts {
  pings: number;
  notifications: number;
  flips: number;
}

/**
 * Healthchecks' Check.prune() for one check, in one transaction: keeps its last `pingLogLimit`
 * pings, drops notifications older than the oldest kept ping, and flips older than both that
 * ping and the flip retention (93 days). The ping path does the same at every 100th ping of a
 * check (lib/store); this is the Prisma version for `vigil prune`. Returns what it removed.
 */
export async function pruneCheck(
  check: { id: number; nPings: number },
  pingLogLimit: number,
  now: Date = new Date(),
): Promise<CheckPruneCounts> {
  const db = getDb();
  // nPings only grows, so a value read earlier never prunes too much.
  const threshold = check.nPings - pingLogLimit;
  // The oldest kept ping does not depend on the deletes, so it is read first and the deletes go
  // as one batch transaction. By n: one probe of the (check_id, n) primary key.
  const oldest = await db.ping.findFirst({
    where: { checkId: check.id, n: { gt: threshold } },
    orderBy: { n: "asc" },
    select: { createdAt: true },
  });
  const pingDelete = db.ping.deleteMany({ where: { checkId: check.id, n: { lte: threshold } } });
  // Without kept pings there is nothing to measure "older than the oldest kept ping" against.
  if (!oldest) return { pings: threshold > 0 ? (await pingDelete).count : 0, notifications: 0, flips: 0 };
  const flipThreshold = new Date(Math.min(oldest.createdAt.getTime(), now.getTime() - FLIP_RETENTION_MS));
  const [pings, notifications, flips] = await db.$transaction([
    pingDelete,
    db.notification.deleteMany({ where: { checkId: check.id, createdAt: { lt: oldest.createdAt } } }),
    db.flip.deleteMany({ where: { checkId: check.id, createdAt: { lt: flipThreshold } } }),
  ]);
  return { pings: pings.count, notifications: notifications.count, flips: flips.count };
}
