import type { AppliedPing } from "../pings/apply-ping";
import type { PingInput, PingResult } from "../pings/types";

/**
 * The ping hot path's database access, one implementation per database, written against the
 * driver (better-sqlite3 / pg) instead of Prisma: a Prisma query costs ~0.4 ms of CPU, more
 * than the whole budget of a ping. `recordBatch` handles many pings in one transaction.
 */
export interface PingStore {
  /** Records the pings in order, one result per input. Flips go to the outbox (flips table). */
  recordBatch(inputs: PingInput[], now: Date): Promise<PingBatchResult>;
  close(): Promise<void>;
}

export interface PingBatchResult {
  results: PingResult[];
  /** The pings that were recorded, in order (lib/metrics counts them by kind). */
  recorded: AppliedPing[];
}

/**
 * The database cannot be reached or does not answer in time (connection refused or timed out,
 * connection dropped, query timeout). Every ping of the batch fails the same way, so they are
 * answered 503 together instead of being retried one by one.
 */
export class PingStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "PingStoreUnavailableError";
  }
}
