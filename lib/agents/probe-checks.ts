// The probe checks each region runs, as agents are assigned them. Every agent asks every
// AGENT_POLL_SECONDS; reading and parsing every probe check on each request would cost O(checks)
// per poll per agent. The map is rebuilt at most every PROBE_CHECKS_TTL_MS instead, so an edit
// to a check's regions reaches the agents within that plus one poll.
import { getDb, type Db } from "../db";
import type { ProbeConfig } from "../probes/types";

export const PROBE_CHECKS_TTL_MS = 5_000;

export interface RegionCheck {
  code: string;
  probe: ProbeConfig;
}

interface Cache {
  db: Db;
  builtAt: number;
  byRegion: Map<string, RegionCheck[]>;
  /** Shared by concurrent callers while a rebuild runs. */
  pending: Promise<Map<string, RegionCheck[]>> | null;
}

let cache: Cache | null = null;

/** A stored probe, or null when the text is not one (never stored by Vigil; skipped, not fatal). */
function parseStoredProbe(text: string): ProbeConfig | null {
  try {
    const probe = JSON.parse(text) as ProbeConfig;
    return Array.isArray(probe.regions) && typeof probe.interval === "number" ? probe : null;
  } catch {
    return null;
  }
}

async function build(db: Db): Promise<Map<string, RegionCheck[]>> {
  // Paused checks are not probed, here as in the local prober. Ordered by code so every
  // server process hands out the same lists.
  const rows = await db.check.findMany({
    where: { probe: { not: null }, status: { not: "paused" } },
    select: { code: true, probe: true },
    orderBy: { code: "asc" },
  });
  const byRegion = new Map<string, RegionCheck[]>();
  for (const row of rows) {
    const probe = row.probe === null ? null : parseStoredProbe(row.probe);
    if (!probe) continue;
    for (const region of new Set(probe.regions)) {
      if (region === "local") continue;
      let list = byRegion.get(region);
      if (!list) byRegion.set(region, (list = []));
      list.push({ code: row.code, probe });
    }
  }
  return byRegion;
}

/** The probe checks listing `region`, at most PROBE_CHECKS_TTL_MS old, ordered by code. */
export async function findRegionChecks(region: string, now = Date.now()): Promise<RegionCheck[]> {
  const db = getDb();
  if (!cache || cache.db !== db) cache = { db, builtAt: -Infinity, byRegion: new Map(), pending: null };
  const current = cache;
  if (now - current.builtAt >= PROBE_CHECKS_TTL_MS) {
    current.pending ??= build(db).finally(() => {
      current.pending = null;
    });
    current.byRegion = await current.pending;
    current.builtAt = now;
  }
  return current.byRegion.get(region) ?? [];
}

/** Forgets the map, so the next request reads the checks again (tests, after editing checks). */
export function clearRegionChecksCache(): void {
  cache = null;
}

/** Whether a stored probe lists `region` (the ingest's check, on the current row, not the cache). */
export function doesProbeListRegion(probeText: string | null, region: string): ProbeConfig | null {
  const probe = probeText === null ? null : parseStoredProbe(probeText);
  return probe && probe.regions.includes(region) ? probe : null;
}
