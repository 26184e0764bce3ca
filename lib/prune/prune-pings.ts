import { getDb } from "../db";
import { FLIP_RETENTION_MS } from "./retention";

export interface PrunePingsResult {
  /** Checks that lost at least one ping. */
  checks: number;
  pings: number;
  /** Removed along the way: older than the oldest ping their check kept. */
  notifications: number;
  flips: number;
}

// Checks read per query; each is then pruned in its own short transaction, so a first run
// over a huge pings table never holds one giant transaction (Healthchecks' prunepingsslow).
const PAGE_SIZE = 500;

/**
 * Runs the per-check prune (pruneCheck) for every check that holds more pings than its
 * project's ping_log_limit. The automatic prune only runs at every 100th ping, so this also
 * trims the up to 99 extra pings a check holds between two of them, and applies a lowered
 * limit at once. Returns totals.
 */
export async function prunePings(now: Date = new Date(), { pageSize = PAGE_SIZE }: { pageSize?: number } = {}): Promise<PrunePingsResult> {
  const db = getDb();
  const result: PrunePingsResult = { checks: 0, pings: 0, notifications: 0, flips: 0 };
  let after = 0;
  for (;;) {
    // Prisma cannot compare a column with one of a related table; only integers are bound here.
    // EXISTS probes the (check_id, n) primary key, so checks the ping path already trimmed
    // cost nothing more.
    const page = await db.$queryRaw<{ id: number | bigint; n_pings: number | bigint; ping_log_limit: number | bigint }[]>`
      SELECT c.id, c.n_pings, p.ping_log_limit FROM checks c JOIN projects p ON p.id = c.project_id
      WHERE c.n_pings > p.ping_log_limit AND c.id > ${after}
        AND EXISTS (SELECT 1 FROM pings WHERE pings.check_id = c.id AND pings.n <= c.n_pings - p.ping_log_limit)
      ORDER BY c.id LIMIT ${pageSize}`;
    for (const row of page) {
      const counts = await pruneCheck({ id: Number(row.id), nPings: Number(row.n_pings) }, Number(row.ping_log_limit), now);
      if (counts.pings > 0) result.checks++;
      result.pings += counts.pings;
      result.notifications += counts.notifications;
      result.flips += counts.flips;
    }
    if (page.length < pageSize) return result;
    after = Number(page.at(-1)!.id);
  }
}

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
