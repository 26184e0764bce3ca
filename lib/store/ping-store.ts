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

export const CHECK_COLUMNS = `c.id, c.project_id, c.kind, c.timeout, c.grace, c.schedule, c.tz, c.status,
  c.last_ping, c.last_start, c.last_start_rid, c.last_duration, c.n_pings, c.manual_resume, c.methods,
  c.filter_subject, c.filter_body, c.filter_http_body, c.filter_default_fail, c.start_kw, c.success_kw,
  c.failure_kw, c.has_confirmation_link, c.alert_after, c.failure_threshold, c.consecutive_failures,
  c.reminder_interval, c.next_reminder_at, p.ping_log_limit`;
