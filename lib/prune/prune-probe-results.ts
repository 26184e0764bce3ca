import { getDb } from "../db";
import { getEnv } from "../env";
import { getProbeResultRetentionMs, PROBE_ROLLUP_RETENTION_MS } from "./retention";

export interface PruneProbeResultsResult {
  results: number;
  rollups: number;
}

// Rows per delete: short statements, so pings waiting for the SQLite write lock (or PostgreSQL
// row locks on the same pages) are never held up for long by a big first prune.
const CHUNK = 5000;

/**
 * Deletes old rows CHUNK at a time until none is left; returns how many. `findLastId` gives the
 * id of the CHUNK-th oldest-by-id row to go (or of the last one), `remove` deletes the old rows
 * up to that id: a range, not a list of ids, which SQLite's parameter limit would cap.
 */
async function deleteInChunks(findIds: (take: number) => Promise<{ id: number }[]>, remove: (lastId: number) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await findIds(CHUNK);
    if (rows.length > 0) total += (await remove(rows[rows.length - 1].id)).count;
    if (rows.length < CHUNK) return total;
  }
}

/**
 * Removes raw probe results older than PROBE_RESULT_DAYS and hourly/daily rollups older than
 * 400 days, in short chunks. Never called on the ping path: `vigil prune probes` and the hourly
 * housekeeping run it. Returns how many rows went.
 */
export async function pruneProbeResults(now: Date = new Date()): Promise<PruneProbeResultsResult> {
  const db = getDb();
  const resultCutoff = new Date(now.getTime() - getProbeResultRetentionMs(getEnv().probeResultDays));
  const rollupCutoff = new Date(now.getTime() - PROBE_ROLLUP_RETENTION_MS);
  const results = await deleteInChunks(
    (take) => db.probeResult.findMany({ where: { date: { lt: resultCutoff } }, select: { id: true }, orderBy: { id: "asc" }, take }),
    (lastId) => db.probeResult.deleteMany({ where: { date: { lt: resultCutoff }, id: { lte: lastId } } }),
  );
  const rollups = await deleteInChunks(
    (take) => db.probeRollup.findMany({ where: { start: { lt: rollupCutoff } }, select: { id: true }, orderBy: { id: "asc" }, take }),
    (lastId) => db.probeRollup.deleteMany({ where: { start: { lt: rollupCutoff }, id: { lte: lastId } } }),
  );
  return { results, rollups };
}
