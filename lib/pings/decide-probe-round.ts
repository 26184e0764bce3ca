// Deciding a round of a multi-region probe check: once every region that can report has run
// the round (or its deadline has passed), the runs are judged together (lib/probes/quorum.ts),
// the verdict is written once to probe_rounds, and ONE ping carries it into the ping path, so
// flips, failure threshold, deadlines, the event log and alerts work as for any check.
import { findLiveAgents, getLiveRegions } from "../agents/liveness";
import { getDb } from "../db";
import { isUniqueViolation } from "../errors";
import { parseProbeConfig } from "../probes/config";
import { getRegionVerdicts, getRoundUserAgent, isRoundComplete, judgeRound, type RoundJudgement } from "../probes/quorum";
import { getMaxRunMs } from "../probes/schedule";
import type { ProbeConfig } from "../probes/types";
import { recordPing } from "./record-ping";

/** How long past a round's longest possible run its late results are waited for. */
export const ROUND_MARGIN_MS = 15_000;

/** A multi-region check as deciding needs it. */
export interface RoundCheck {
  id: number;
  code: string;
  config: ProbeConfig;
}

/** When a round is decided with what arrived: its start, the longest run, and a margin. */
export function getRoundDeadline(config: Pick<ProbeConfig, "attempts" | "timeout" | "attempt_spacing">, round: Date): Date {
  return new Date(round.getTime() + getMaxRunMs(config) + ROUND_MARGIN_MS);
}

/**
 * Decides `round` of `check` if it can be: before its deadline only when every live region has
 * reported; after it, with what arrived (missing regions are then no data). Returns the
 * judgement when this call decided the round, null when it is not ready or another decider
 * (a concurrent submission, another server, the sweeper) already did: the unique key of
 * probe_rounds (check, round) lets exactly one insert win.
 */
export async function decideProbeRound(check: RoundCheck, round: Date, now: Date = new Date()): Promise<RoundJudgement | null> {
  const db = getDb();
  const runs = await db.probeResult.findMany({ where: { checkId: check.id, round }, select: { region: true, status: true } });
  const results = getRegionVerdicts(runs);
  if (now < getRoundDeadline(check.config, round)) {
    const live = getLiveRegions(await findLiveAgents(db, now));
    if (!isRoundComplete(check.config.regions, live, new Set(Object.keys(results)))) return null;
  }
  const judged = judgeRound({ regions: check.config.regions, quorum: check.config.quorum, results });
  try {
    await db.probeRound.create({
      data: {
        checkId: check.id,
        round,
        verdict: judged.verdict,
        regions: JSON.stringify(judged.regions),
        failing: judged.failing.join(","),
        decidedAt: now,
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
  // No region reported: nothing to record. A ping would say "up" or "down" on no evidence;
  // without one the check's own timeout (its interval) and grace take it down if the silence
  // lasts, exactly as a passive check that stops pinging.
  if (judged.verdict === "nodata") return judged;
  // A round the sweeper decides late must not overwrite a newer round's verdict.
  const newer = await db.probeRound.count({ where: { checkId: check.id, round: { gt: round }, verdict: { not: "nodata" } } });
  if (newer > 0) return judged;
  // The round row is committed before the ping: a crash in between loses this one ping (the next
  // round records the next), where the other order could record a round twice.
  await recordPing({
    target: { code: check.code },
    action: judged.verdict === "down" ? "fail" : "success",
    exitStatus: null,
    rid: null,
    scheme: "probe",
    remoteAddr: null,
    method: "",
    ua: getRoundUserAgent(check.config.regions.length),
    body: Buffer.from(judged.summary),
    receivedAt: now.getTime(),
    roundVerdict: judged.verdict,
  });
  return judged;
}

/** Stored probes were validated on save; null for a passive check or one of a single region. */
export function getMultiRegionConfig(probe: string | null): ProbeConfig | null {
  if (probe === null) return null;
  try {
    const raw = JSON.parse(probe) as { regions?: unknown };
    // Most probes have one region: skip the schema for them (the sweeper reads every probe).
    if (!Array.isArray(raw.regions) || raw.regions.length < 2) return null;
    return parseProbeConfig(raw);
  } catch {
    return null;
  }
}

// The multi-region checks, re-read at most this often: the sweeper runs every few seconds and
// must not parse every check's probe each time. A check made multi-region is swept a minute late
// at worst, well within its first rounds' deadlines plus SWEEP_LOOKBACK_MS.
const CHECKS_TTL_MS = 60_000;
let cached: { at: number; checks: RoundCheck[] } | null = null;

async function findMultiRegionChecks(nowMs: number): Promise<RoundCheck[]> {
  if (cached && nowMs - cached.at < CHECKS_TTL_MS && nowMs >= cached.at) return cached.checks;
  const rows = await getDb().check.findMany({ where: { probe: { not: null } }, select: { id: true, code: true, probe: true } });
  const checks = rows.flatMap((r) => {
    const config = getMultiRegionConfig(r.probe);
    return config ? [{ id: r.id, code: r.code, config }] : [];
  });
  cached = { at: nowMs, checks };
  return checks;
}

/** Forgets the cached list of multi-region checks (tests that change checks between ticks). */
export function resetRoundSweeper(): void {
  cached = null;
}

/**
 * Rounds older than their deadline by more than this are left alone: a sweeper that was stopped
 * longer would only decide stale rounds (whose ping a newer round's makes moot), and the check's
 * own timeout and grace cover the gap.
 */
const SWEEP_LOOKBACK_MS = 2 * 60_000;
const ID_CHUNK = 500;

export interface DecideOverdueRoundsOptions {
  now?: Date;
  /** At most this many rounds per call (default 50). */
  limit?: number;
}

/**
 * One sweep: decides, with what arrived, the rounds of multi-region checks whose deadline has
 * passed and that no one decided (a region with a live agent never reported). Oldest first, at
 * most `limit`. Returns the number decided here. Safe in several processes at once.
 */
export async function decideOverdueProbeRounds({ now = new Date(), limit = 50 }: DecideOverdueRoundsOptions = {}): Promise<number> {
  const checks = await findMultiRegionChecks(now.getTime());
  if (checks.length === 0) return 0;
  const byId = new Map(checks.map((c) => [c.id, c]));
  const until = new Date(now.getTime() - ROUND_MARGIN_MS);
  const db = getDb();
  const overdue: { check: RoundCheck; round: Date }[] = [];
  // Checks in order of how long their rounds may take, so each chunk reads back only as far as
  // its own slowest probe needs, not as far as the slowest probe of all.
  const bySpan = checks
    .map((c) => ({ id: c.id, span: getRoundDeadline(c.config, new Date(0)).getTime() }))
    .sort((a, b) => a.span - b.span);
  for (let i = 0; i < bySpan.length; i += ID_CHUNK) {
    const chunk = bySpan.slice(i, i + ID_CHUNK);
    const ids = chunk.map((c) => c.id);
    const since = new Date(now.getTime() - chunk[chunk.length - 1].span - SWEEP_LOOKBACK_MS);
    const [rounds, decided] = await Promise.all([
      db.probeResult.groupBy({ by: ["checkId", "round"], where: { checkId: { in: ids }, round: { gte: since, lte: until } } }),
      db.probeRound.findMany({ where: { checkId: { in: ids }, round: { gte: since } }, select: { checkId: true, round: true } }),
    ]);
    const done = new Set(decided.map((d) => `${d.checkId}/${d.round.getTime()}`));
    for (const { checkId, round } of rounds) {
      const check = byId.get(checkId);
      if (!check || round === null || done.has(`${checkId}/${round.getTime()}`)) continue;
      if (getRoundDeadline(check.config, round) <= now) overdue.push({ check, round });
    }
  }
  overdue.sort((a, b) => a.round.getTime() - b.round.getTime());
  let count = 0;
  for (const { check, round } of overdue.slice(0, limit)) {
    if (await decideProbeRound(check, round, now)) count++;
  }
  return count;
}
