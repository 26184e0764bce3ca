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
 * buckets now and then once an hour (Healthchecks runs prunetokenbucket from cron). Runs next
 * to sendalerts; several copies are harmless. Errors are logged and retried next time.
 */
export async function runHousekeeping({ signal, log = console.log, intervalMs = HOUR_MS }: HousekeepingOptions = {}): Promise<void> {
  while (!signal?.aborted) {
    try {
      const removed = await pruneTokenBuckets();
      if (removed > 0) log(`housekeeping: removed ${removed} unused rate-limit buckets`);
    } catch (err) {
      log(`housekeeping error: ${err instanceof Error ? err.message : String(err)}`);
    }
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
