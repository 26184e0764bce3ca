// The verdict of one round of a multi-region probe check, judged on the runs of the same
// scheduled slot rather than on each region's last known state: a region that stopped reporting
// tells nothing about this round, so it is "no data", never failing and never still up. Pure:
// submitProbeResults and the round sweeper (lib/pings/decide-probe-round.ts) decide with it.
import type { ProbeVerdict } from "./types";

/** A round's verdict; "nodata" when no region reported at all (nothing is recorded then). */
export type RoundVerdict = ProbeVerdict | "nodata";

export interface JudgeRoundInput {
  /** The check's regions, in the order the summary names them. */
  regions: readonly string[];
  /** Failing regions that make the check down (1..regions.length). */
  quorum: number;
  /** Each region's run in this round; a region absent (or null) did not report. */
  results: Readonly<Record<string, ProbeVerdict | null | undefined>>;
}

export interface RoundJudgement {
  verdict: RoundVerdict;
  /** Regions whose run was down, in the check's order. */
  failing: string[];
  /** Regions that did not report this round. */
  noData: string[];
  /** Every region of the check: its run's verdict, or null for no data (probe_rounds.regions). */
  regions: Record<string, ProbeVerdict | null>;
  /**
   * One line for the ping body, the event log and alerts: "down in us-east; up in eu-west,
   * ap-south", "down in us-east, eu-west (quorum 2 of 3); up in ap-south", "no data from ap-south".
   */
  summary: string;
}

/**
 * Judges one round: down when at least `quorum` regions failed; degraded when some (fewer)
 * failed or any run was degraded; healthy when every region that reported was healthy; nodata
 * when none reported.
 */
export function judgeRound({ regions, quorum, results }: JudgeRoundInput): RoundJudgement {
  const byRegion: Record<string, ProbeVerdict | null> = {};
  for (const region of regions) byRegion[region] = results[region] ?? null;
  const having = (v: ProbeVerdict | null) => regions.filter((r) => byRegion[r] === v);
  const failing = having("down");
  const degraded = having("degraded");
  const healthy = having("healthy");
  const noData = having(null);

  let verdict: RoundVerdict;
  if (noData.length === regions.length) verdict = "nodata";
  else if (failing.length >= quorum) verdict = "down";
  else if (failing.length > 0 || degraded.length > 0) verdict = "degraded";
  else verdict = "healthy";

  const parts: string[] = [];
  if (failing.length > 0) {
    parts.push(`down in ${failing.join(", ")}${verdict === "down" ? ` (quorum ${quorum} of ${regions.length})` : ""}`);
  }
  if (degraded.length > 0) parts.push(`degraded in ${degraded.join(", ")}`);
  if (healthy.length > 0) parts.push(`up in ${healthy.join(", ")}`);
  if (noData.length > 0) parts.push(`no data from ${noData.join(", ")}`);
  return { verdict, failing, noData, regions: byRegion, summary: parts.join("; ") };
}

/**
 * Whether a round can be decided before its deadline: every region of the check that can
 * report (a live agent, or "local") has a result. A region without a live agent is not waited
 * for; it will be "no data".
 */
export function isRoundComplete(regions: readonly string[], liveRegions: ReadonlySet<string>, reported: ReadonlySet<string>): boolean {
  return regions.every((r) => reported.has(r) || !liveRegions.has(r));
}

/** The user agent of a round's ping: "Vigil probe (3 regions)" (a single region's run names its region). */
export function getRoundUserAgent(regionCount: number): string {
  return `Vigil probe (${regionCount} regions)`;
}

/**
 * A stored ping read back as a round's verdict, or null when it is not a round's ping. The
 * ping keeps only success/fail, so a degraded round is told by its summary naming a failing or
 * degraded region ("down in eu-west; up in local"); a down round is a fail ping.
 */
export function readRoundPing(ua: string, kind: string, summary: string): ProbeVerdict | null {
  if (!/^Vigil probe \(\d+ regions\)$/.test(ua)) return null;
  if (kind === "fail") return "down";
  return /(^|; )(down|degraded) in /.test(summary) ? "degraded" : "healthy";
}

const SEVERITY: Record<ProbeVerdict, number> = { healthy: 0, degraded: 1, down: 2 };

/**
 * Each region's run in a round. A region normally runs a round once; when it ran it twice (an
 * agent's share moved mid-round), the worse run counts, so a failure is never hidden.
 */
export function getRegionVerdicts(runs: readonly { region: string; status: string }[]): Record<string, ProbeVerdict> {
  const out: Record<string, ProbeVerdict> = {};
  for (const run of runs) {
    if (!(run.status in SEVERITY)) continue;
    const status = run.status as ProbeVerdict;
    const seen = out[run.region];
    if (seen === undefined || SEVERITY[status] > SEVERITY[seen]) out[run.region] = status;
  }
  return out;
}
