// The status pages' share of sendalerts: each pass starts and ends due maintenances, fans out
// new events and sends due deliveries to subscribers. A pass runs beside the flip loop, never in
// it, so a webhook taking its full 30 s holds up no alert; within a pass a few subscribers are
// served at once, each one's messages in order (created before resolved).
import { advanceMaintenances } from "./advance-maintenances";
import {
  claimStatusDeliveries,
  deliverStatusDelivery,
  fanOutStatusEvents,
  type ClaimedDelivery,
  type DeliveryOutcome,
} from "./deliver-status-events";
import type { EventMessage } from "./subscriber-messages";

export interface StatusPagesTickResult {
  maintenances: { started: number; completed: number };
  fannedOut: number;
  outcomes: DeliveryOutcome[];
}

/** Sends claimed deliveries, each subscriber's in order, at most `concurrency` subscribers at once. */
async function deliverAll(claimed: ClaimedDelivery[], concurrency: number, now: () => Date): Promise<DeliveryOutcome[]> {
  const bySubscriber = new Map<number, ClaimedDelivery[]>();
  for (const d of claimed) bySubscriber.set(d.subscriberId, [...(bySubscriber.get(d.subscriberId) ?? []), d]);
  const queues = [...bySubscriber.values()];
  const messages = new Map<number, Promise<EventMessage | null>>();
  const outcomes: DeliveryOutcome[] = [];
  const lane = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const d of queue) outcomes.push(await deliverStatusDelivery(d, messages, now));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return outcomes;
}

/**
 * One pass, waiting for its sends (what tests call, with a `now` of their choosing; without one
 * each step reads the clock). Returns what it did.
 */
export async function runStatusPagesTick({ now, concurrency = 4 }: { now?: Date; concurrency?: number } = {}): Promise<StatusPagesTickResult> {
  const clock = () => now ?? new Date();
  const maintenances = await advanceMaintenances(clock());
  const fannedOut = await fanOutStatusEvents(clock());
  const outcomes = await deliverAll(await claimStatusDeliveries(clock()), concurrency, clock);
  return { maintenances, fannedOut, outcomes };
}

export interface StatusPagesWorker {
  /** Starts a pass unless one is running or the last began less than `intervalMs` ago; never waits. */
  poke(): void;
  /** Resolves when the running pass and its sends have finished. */
  drain(): Promise<void>;
}

/** The worker sendalerts pokes on every turn of its loop. */
export function createStatusPagesWorker({ log = console.log, intervalMs = 1000, concurrency = 4 }: { log?: (line: string) => void; intervalMs?: number; concurrency?: number } = {}): StatusPagesWorker {
  let running: Promise<void> | null = null;
  let lastStart = 0;
  return {
    poke() {
      if (running || Date.now() - lastStart < intervalMs) return;
      lastStart = Date.now();
      running = runStatusPagesTick({ concurrency })
        .then(
          ({ maintenances, outcomes }) => {
            if (maintenances.started) log(`${maintenances.started} maintenance(s) started`);
            if (maintenances.completed) log(`${maintenances.completed} maintenance(s) completed`);
            for (const o of outcomes) {
              log(`  status ${o.kind} ${o.subscriberCode}: ${o.error ? `Error: ${o.error}${o.givenUp ? " (given up)" : ""}` : "OK"}`);
            }
          },
          (err: unknown) => log(`Error in status page deliveries: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => {
          running = null;
        });
    },
    drain: () => running ?? Promise.resolve(),
  };
}
