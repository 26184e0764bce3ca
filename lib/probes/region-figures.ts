// Per-region figures of a multi-region check for its page: each region's last run and its median
// round trip over the last hour (from raw runs: the hour is not rolled up yet), and, for regions
// whose agents have all gone silent, since when: their rounds count as no data, not as failing.
import { getDb } from "../db";
import { summarizeRuns } from "./rollups";
import type { ProbeVerdict } from "./types";

export interface RegionFigures {
  region: string;
  /** The region's latest run; null when it never ran. */
  last: { status: ProbeVerdict; rttMs: number; date: Date } | null;
  /** Median round trip of the last hour's runs that were not down; null when none. */
  p50Ms: number | null;
  /** Runs in the last hour. */
  runs: number;
  /** The region has no live agent ("local" always has the server): rounds count it as no data. */
  isSilent: boolean;
  /** When an agent of a silent region was last heard from; null when never. */
  lastSeenAt: Date | null;
}

export interface GetRegionFiguresOptions {
  checkId: number;
  regions: readonly string[];
  /** An agent not heard from for this long is not live (lib/agents/liveness.ts AGENT_LIVE_MS). */
  agentLiveMs: number;
  now?: Date;
}

const HOUR_MS = 3_600_000;

/** One row per region of the check, in its order. The caller has checked access to the check. */
export async function getRegionFigures({ checkId, regions, agentLiveMs, now = new Date() }: GetRegionFiguresOptions): Promise<RegionFigures[]> {
  const db = getDb();
  const [hour, lasts, agents] = await Promise.all([
    db.probeResult.findMany({
      where: { checkId, date: { gte: new Date(now.getTime() - HOUR_MS) } },
      select: { region: true, status: true, rttMs: true },
    }),
    Promise.all(
      regions.map((region) =>
        db.probeResult.findFirst({ where: { checkId, region }, orderBy: [{ date: "desc" }, { id: "desc" }], select: { status: true, rttMs: true, date: true } }),
      ),
    ),
    // Rows, not a MAX(): Prisma's SQLite adapter returns aggregated dates unconverted, and a
    // region has a handful of agents.
    db.agent.findMany({ where: { revokedAt: null, region: { in: [...regions] } }, select: { region: true, lastSeenAt: true } }),
  ]);
  const seen = new Map<string, Date>();
  for (const a of agents) {
    const known = seen.get(a.region);
    if (a.lastSeenAt && (!known || a.lastSeenAt > known)) seen.set(a.region, a.lastSeenAt);
  }
  return regions.map((region, i) => {
    const figures = summarizeRuns(hour.filter((r) => r.region === region));
    const last = lasts[i];
    const lastSeenAt = seen.get(region) ?? null;
    return {
      region,
      last: last ? { status: last.status as ProbeVerdict, rttMs: last.rttMs, date: last.date } : null,
      p50Ms: figures.p50Ms,
      runs: figures.runs,
      isSilent: region !== "local" && (lastSeenAt === null || now.getTime() - lastSeenAt.getTime() > agentLiveMs),
      lastSeenAt,
    };
  });
}
