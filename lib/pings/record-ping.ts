import { notifyFlipsCreated } from "./wake";
import { countPingBatch, countPingError, gaugeSources } from "../metrics/tallies";
import { getEnv } from "../env";
import { getMaxConcurrentBatches, getPingStore } from "../store/get-ping-store";
import { PingStoreUnavailableError } from "../store/ping-store";
import type { PingInput, PingResult } from "./types";

interface Pending {
  input: PingInput;
  resolve: (result: PingResult) => void;
  reject: (err: unknown) => void;
}

// Group commit: pings that arrive while a batch is being written wait for the next one, so a
// busy server writes hundreds of pings per transaction and an idle one writes each at once.
// The caller's promise resolves only after the ping's transaction has committed.
const MAX_BATCH = 256;
const QUEUE_FULL: PingResult = { status: 503, body: "busy" };
const queue: Pending[] = [];
let inFlight = 0;
let scheduled = false;
/** Checks (by UUID or key/slug) that a running batch holds: see takeBatch(). */
const busyChecks = new Set<string>();

const checkKey = ({ target }: PingInput) => ("code" in target ? target.code : `${target.pingKey}/${target.slug}`);

/**
 * Takes up to MAX_BATCH pings for checks no running batch holds. On PostgreSQL batches run
 * concurrently and lock their checks; a batch waiting for another's row lock would hold its
 * own locks meanwhile, and such convoys, not CPU, capped throughput. A ping for a busy check
 * waits for the next batch instead, keeping its order.
 */
function takeBatch(): Pending[] {
  if (busyChecks.size === 0 && queue.length <= MAX_BATCH) return queue.splice(0, queue.length);
  const batch: Pending[] = [];
  const rest: Pending[] = [];
  // Per-check order holds: once one ping of a check stays behind (busy or batch full), every
  // later ping of that check stays behind too.
  for (const p of queue) {
    if (batch.length < MAX_BATCH && !busyChecks.has(checkKey(p.input))) batch.push(p);
    else rest.push(p);
  }
  queue.length = 0;
  queue.push(...rest);
  return batch;
}

function schedule(): void {
  if (scheduled || queue.length === 0 || inFlight >= getMaxConcurrentBatches()) return;
  scheduled = true;
  // setImmediate lets the current I/O phase finish reading requests into the queue first.
  setImmediate(drain);
}

function drain(): void {
  scheduled = false;
  const max = getMaxConcurrentBatches();
  while (queue.length > 0 && inFlight < max) {
    const batch = takeBatch();
    if (batch.length === 0) break;
    const keys = new Set(batch.map((p) => checkKey(p.input)));
    for (const key of keys) busyChecks.add(key);
    inFlight++;
    void runBatch(batch).finally(() => {
      for (const key of keys) busyChecks.delete(key);
      inFlight--;
      schedule();
    });
  }
}

async function runBatch(batch: Pending[]): Promise<void> {
  try {
    const { results, recorded } = await getPingStore().recordBatch(
      batch.map((p) => p.input),
      new Date(),
    );
    batch.forEach((p, i) => p.resolve(results[i]));
    if (recorded.some((a) => a.flip !== null)) notifyFlipsCreated();
    countPingBatch(results, recorded);
  } catch (err) {
    if (batch.length === 1 || err instanceof PingStoreUnavailableError) {
      for (const p of batch) {
        countPingError();
        p.reject(err);
      }
      return;
    }
    // One bad ping must not fail the others: retry each alone.
    for (const p of batch) await runBatch([p]);
  }
}

/**
 * Records one ping (HTTP or email) and resolves once it is committed. Never sends
 * notifications: flips go to the outbox and sendalerts is woken.
 */
export function recordPing(input: PingInput): Promise<PingResult> {
  // A database that hangs must not pile up pings (and their bodies) without end: past the
  // bound, answer "busy" at once, as for a database error.
  if (queue.length >= getEnv().pingQueueLimit) {
    countPingBatch([QUEUE_FULL], []);
    return Promise.resolve(QUEUE_FULL);
  }
  return new Promise((resolve, reject) => {
    queue.push({ input, resolve, reject });
    schedule();
  });
}

// Pings waiting for a batch and batches being written, read by /metrics at scrape time.
gaugeSources.pingQueue = () => ({ queued: queue.length, batchesInFlight: inFlight, maxBatches: getMaxConcurrentBatches() });

/** Waits until every accepted ping is committed (graceful shutdown, before closeAll()). */
export async function drainPingQueue(): Promise<void> {
  while (queue.length > 0 || inFlight > 0) await new Promise((r) => setTimeout(r, 5));
}
