// How long housekeeping keeps rows (Healthchecks' values). Shared by the ping path's
// automatic per-check prune (lib/store) and the `vigil prune` tasks (lib/prune).

const DAY_MS = 86_400_000;

/**
 * Flips are kept at least this long: downtime statistics need the current month and the two
 * before it, and 3 × 31 days covers that without computing month boundaries per check.
 */
export const FLIP_RETENTION_MS = 93 * DAY_MS;

/** Test notifications (no check, so never pruned with one) are kept as long as flips. */
export const TEST_NOTIFICATION_RETENTION_MS = 93 * DAY_MS;

/** Hourly and daily probe rollups serve uptime figures up to 90 days and a year of charts. */
export const PROBE_ROLLUP_RETENTION_MS = 400 * DAY_MS;

/** Raw probe results are kept PROBE_RESULT_DAYS (lib/env.ts); rollups keep the long view. */
export function getProbeResultRetentionMs(days: number): number {
  return days * DAY_MS;
}

/** Status-page subscriber events (and their deliveries) are kept as long as flips. */
export const STATUS_EVENT_RETENTION_MS = 93 * DAY_MS;

/** Rate-limit buckets untouched this long are full again, so the row says nothing. */
export const TOKEN_BUCKET_MAX_AGE_MS = DAY_MS;

/** Accounts never used (no login, no team) this long after sign-up are removed (pruneusers). */
export const UNUSED_ACCOUNT_AGE_MS = 30 * DAY_MS;
