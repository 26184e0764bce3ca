// Reads of a check's ping log beyond the rows themselves: run durations, computed at read time
// as Healthchecks does, and stored bodies. The event log, the API's ping list and body
// endpoints and the details page's "Show full body" use them.
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { getDb } from "../db";

/** A start and its success/fail further apart than this are not considered one run. */
const MAX_DURATION_MS = 72 * 3600 * 1000;
/** Past this many fallback queries the page shows no durations at all (Healthchecks' cap). */
const MAX_MISSES = 10;

interface PingRow {
  n: number;
  createdAt: Date;
  kind: string | null;
  rid: string | null;
}

const endsRun = (kind: string | null) => kind === null || kind === "fail";

/**
 * Run durations (ms) by ping number for a page of pings, computed at read time like
 * Healthchecks: a success/fail is timed from the latest earlier start with the same rid
 * (null matches null) when no success/fail with that rid came in between and the gap is under
 * 72 h. Pings whose predecessor lies outside the page cost one query each; past 10 such
 * misses no durations are reported. `pings` may be in any order.
 */
export async function getPingDurations(checkId: number, pings: PingRow[]): Promise<Map<number, number>> {
  const durations = new Map<number, number>();
  // rid -> time of the open start, or null once a success/fail closed the run.
  const starts = new Map<string | null, Date | null>();
  const misses: PingRow[] = [];
  for (const ping of [...pings].sort((a, b) => a.n - b.n)) {
    if (ping.kind === "start") {
      starts.set(ping.rid, ping.createdAt);
    } else if (endsRun(ping.kind)) {
      if (!starts.has(ping.rid)) {
        misses.push(ping);
      } else {
        const start = starts.get(ping.rid);
        const gap = start ? ping.createdAt.getTime() - start.getTime() : Infinity;
        if (gap < MAX_DURATION_MS) durations.set(ping.n, gap);
      }
      starts.set(ping.rid, null);
    }
  }
  if (misses.length > MAX_MISSES) return new Map();

  for (const ping of misses) {
    const previous = await getDb().ping.findFirst({
      where: {
        checkId,
        n: { lt: ping.n },
        rid: ping.rid,
        createdAt: { gt: new Date(ping.createdAt.getTime() - MAX_DURATION_MS) },
        OR: [{ kind: null }, { kind: { in: ["start", "fail"] } }],
      },
      orderBy: { n: "desc" },
      select: { kind: true, createdAt: true },
    });
    if (previous?.kind === "start") durations.set(ping.n, ping.createdAt.getTime() - previous.createdAt.getTime());
  }
  return durations;
}

export interface GetPingBodyOptions {
  actor: Actor;
  checkCode: string;
  /** The ping's number; anything but a safe integer is no such ping. */
  n: number;
  /**
   * Treat pings beyond the project's log limit as gone even while they await pruning (the
   * management API; pruning runs at every 100th ping, so up to 99 more are still stored).
   */
  withinLogLimit?: boolean;
}

/**
 * The stored body of the check's ping number `n`; null when there is no such ping, it has no
 * body, or (withinLogLimit) it is past the log limit. Throws AppError on access (see
 * requireCheckAccess).
 */
export async function getPingBody({ actor, checkCode, n, withinLogLimit = false }: GetPingBodyOptions): Promise<Buffer | null> {
  const { check, project } = await requireCheckAccess(actor, checkCode, "read");
  // A number past 2^53 cannot be a ping number and would overflow the 64-bit column in the query.
  if (!Number.isSafeInteger(n)) return null;
  if (withinLogLimit && n <= check.nPings - project.pingLogLimit) return null;
  const ping = await getDb().ping.findUnique({ where: { checkId_n: { checkId: check.id, n } }, select: { body: true } });
  return ping?.body && ping.body.length > 0 ? Buffer.from(ping.body) : null;
}
