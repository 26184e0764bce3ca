// Claiming due active checks and writing their next run time. A claim is a compare-and-set on
// checks.next_probe_at (from the due time read to a lease past the run's longest possible end),
// so two probers, in one process or in several against one PostgreSQL, never run a check twice:
// the second UPDATE finds next_probe_at changed and takes nothing. On PostgreSQL the read also
// skips rows another prober's claim holds locked, so concurrent probers share the due checks
// instead of racing for the same ones.
import { getDb, Prisma, type Tx } from "../db";
import { getEnv } from "../env";
import { parseProbeConfig } from "../probes/config";
import { getLeaseUntil, getNextSlot, isLocalProbe } from "../probes/schedule";
import type { ProbeConfig } from "../probes/types";

/** A check this prober now holds: run it, then release it with rescheduleProbes(). */
export interface ClaimedProbe {
  checkId: number;
  checkCode: string;
  config: ProbeConfig;
  /** The next_probe_at it was claimed at: lag is start − dueAt. */
  dueAt: Date;
  /** next_probe_at while it runs; releasing compares against it. */
  leaseUntil: Date;
}

/** A next_probe_at to write if it still holds `expected` (else someone else changed it: keep theirs). */
export interface NextProbeWrite {
  checkId: number;
  expected: Date;
  next: Date | null;
}

interface DueRow {
  id: number;
  code: string;
  probe: string | null;
  status: string;
  dueAt: Date;
}

// Rows per UPDATE: four parameters each stays under SQLite's and PostgreSQL's bind limits.
const WRITE_CHUNK = 500;

const isPostgres = () => getEnv().database.kind === "postgres";

/** A date parameter; PostgreSQL needs the type where it cannot infer it (CASE branches). */
function ts(value: Date | null): Prisma.Sql {
  if (!isPostgres()) return Prisma.sql`${value}`;
  return value === null ? Prisma.sql`CAST(NULL AS TIMESTAMP(3))` : Prisma.sql`CAST(${value} AS TIMESTAMP(3))`;
}

/**
 * Writes each row's `next` where next_probe_at still equals its `expected`; returns the ids
 * written. One statement per chunk, so a tick's claims or releases cost one round trip.
 */
export async function writeNextProbeAt(rows: readonly NextProbeWrite[], tx?: Tx): Promise<Set<number>> {
  const written = new Set<number>();
  const db = tx ?? getDb();
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    const cases = Prisma.join(chunk.map((r) => Prisma.sql`WHEN ${r.checkId} THEN ${ts(r.next)}`), " ");
    const match = Prisma.join(chunk.map((r) => Prisma.sql`(id = ${r.checkId} AND next_probe_at = ${ts(r.expected)})`), " OR ");
    const done = await db.$queryRaw<{ id: number }[]>`UPDATE checks SET next_probe_at = CASE id ${cases} END WHERE ${match} RETURNING id`;
    for (const { id } of done) written.add(Number(id));
  }
  return written;
}

/** The stored probe, or null when it cannot be run (damaged JSON, or a config this version refuses). */
function readConfig(probe: string | null): ProbeConfig | null {
  if (probe === null) return null;
  try {
    return parseProbeConfig(JSON.parse(probe));
  } catch {
    return null;
  }
}

export interface ClaimDueProbesOptions {
  /** Checks with next_probe_at at or before this are due. */
  now?: Date;
  /** At most this many claims (the prober's free slots). */
  limit: number;
}

/**
 * Claims up to `limit` due active checks, oldest due first, and returns those to run now.
 * Due checks that must not run here are moved on in the same statement without a run: a
 * paused check to its next slot (so it resumes on its grid and does not clog the scan), a
 * check without a runnable probe to NULL, a probe of remote regions only to its next slot.
 */
export async function claimDueProbes({ now = new Date(), limit }: ClaimDueProbesOptions): Promise<ClaimedProbe[]> {
  if (limit <= 0) return [];
  const nowMs = now.getTime();
  return getDb().$transaction(async (tx) => {
    const lock = isPostgres() ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
    const due = await tx.$queryRaw<DueRow[]>`
      SELECT id, code, probe, status, next_probe_at AS "dueAt" FROM checks
      WHERE next_probe_at <= ${ts(now)} ORDER BY next_probe_at LIMIT ${limit} ${lock}`;
    const claims: ClaimedProbe[] = [];
    const writes: NextProbeWrite[] = [];
    for (const row of due) {
      const checkId = Number(row.id);
      const dueAt = new Date(row.dueAt);
      const config = readConfig(row.probe);
      if (config === null) {
        writes.push({ checkId, expected: dueAt, next: null });
      } else if (row.status === "paused" || !isLocalProbe(config)) {
        writes.push({ checkId, expected: dueAt, next: new Date(getNextSlot(row.code, config.interval * 1000, nowMs)) });
      } else {
        const leaseUntil = new Date(getLeaseUntil(config, nowMs));
        claims.push({ checkId, checkCode: row.code, config, dueAt, leaseUntil });
        writes.push({ checkId, expected: dueAt, next: leaseUntil });
      }
    }
    const won = await writeNextProbeAt(writes, tx);
    return claims.filter((c) => won.has(c.checkId));
  });
}

/** How a claimed run ended, for rescheduleProbes(). */
export interface FinishedProbe {
  claim: ClaimedProbe;
  /** When the run ended (ms); its next run is the check's first slot after it. */
  endedAt: number;
  /** Stopped by shutdown before it finished: due again at once, for this or another prober. */
  aborted?: boolean;
}

/**
 * Releases finished claims: next_probe_at becomes the check's first slot after the run (or
 * now, for a run cut short by shutdown). A check whose probe was changed meanwhile keeps the
 * next_probe_at the change set (it runs at once with its new settings).
 */
export async function rescheduleProbes(finished: readonly FinishedProbe[]): Promise<void> {
  if (finished.length === 0) return;
  await writeNextProbeAt(
    finished.map(({ claim, endedAt, aborted }) => ({
      checkId: claim.checkId,
      expected: claim.leaseUntil,
      next: new Date(aborted ? endedAt : getNextSlot(claim.checkCode, claim.config.interval * 1000, endedAt)),
    })),
  );
}

/** The earliest next_probe_at of any check, or null when no check is active. */
export async function findNextProbeDue(): Promise<Date | null> {
  const first = await getDb().check.findFirst({
    where: { nextProbeAt: { not: null } },
    orderBy: { nextProbeAt: "asc" },
    select: { nextProbeAt: true },
  });
  return first?.nextProbeAt ?? null;
}
