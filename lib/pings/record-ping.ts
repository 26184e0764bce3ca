import { notifyFlipsCreated } from "../alerts/wake";
import { getMaxConcurrentBatches, getPingStore } from "../store/get-ping-store";
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
const queue: Pending[] = [];
let inFlight = 0;
let scheduled = false;

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
    const batch = queue.splice(0, MAX_BATCH);
    inFlight++;
    void runBatch(batch).finally(() => {
      inFlight--;
      schedule();
    });
  }
}

async function runBatch(batch: Pending[]): Promise<void> {
  try {
    const { results, flipsCreated } = await getPingStore().recordBatch(
      batch.map((p) => p.input),
      new Date(),
    );
    batch.forEach((p, i) => p.resolve(results[i]));
    if (flipsCreated > 0) notifyFlipsCreated();
  } catch (err) {
    if (batch.length === 1) {
      batch[0].reject(err);
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
  return new Promise((resolve, reject) => {
    queue.push({ input, resolve, reject });
    schedule();
  });
}

/** Waits until every accepted ping is committed (graceful shutdown, before closeAll()). */
export async function drainPingQueue(): Promise<void> {
  while (queue.length > 0 || inFlight > 0) await new Promise((r) => setTimeout(r, 5));
}
