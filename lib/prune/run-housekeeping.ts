import { pruneProbeResults } from "./prune-probe-results";
import { pruneStatusPages } from "./prune-status-pages";
import { pruneTokenBuckets } from "./prune-token-buckets";

export interface HousekeepingOptions {
  /** Abort to stop; the promise resolves once the current pass is done. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  intervalMs?: number;
}

const HOUR_MS = 3_600_000;

/**
 * The automatic housekeeping that does not belong on the ping path: removes unused rate-limit
 * buckets, probe results past PROBE_RESULT_DAYS (rollups past 400 days), expired status-page
 * subscriptions and old subscriber events now and then once an hour (Healthchecks runs
 * prunetokenbucket from cron). Runs next to sendalerts; several copies are harmless. Errors are
 * logged and retried next time.
 */
export async function runHousekeeping({ signal, log = console.log, intervalMs = HOUR_MS }: HousekeepingOptions = {}): Promise<void> {
  while (!signal?.aborted) {
    try {
      const removed = await pruneTokenBuckets();
      if (removed > 0) log(`housekeeping: removed ${removed} unused rate-limit buckets`);
      const probes = await pruneProbeResults();
      if (probes.results + probes.rollups > 0) log(`housekeeping: removed ${probes.results} probe results and ${probes.rollups} rollups past their retention`);
      const pages = await pruneStatusPages();
      if (pages.subscribers + pages.events > 0) log(`housekeeping: removed ${pages.subscribers} unconfirmed status-page subscribers and ${pages.events} old subscriber events`);
    } catch (err) {
      log(`housekeeping error: ${err instanceof Error ? err.message : String(err)}`);
    }
    // Aborted during the pass: the abort event has already fired and would not end the wait.
    if (signal?.aborted) break;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, intervalMs);
      signal?.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
    });
  }
}
