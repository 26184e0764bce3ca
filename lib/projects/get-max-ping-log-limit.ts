import { getEnv } from "../env";

// Every kept ping can carry a body of up to PING_BODY_LIMIT bytes, so the limit bounds the
// storage one busy check can take; 10,000 pings is about a week of once-a-minute pings.
const DEFAULT_MAX = 10_000;

/**
 * The largest ping_log_limit a project may choose: 10,000, or PING_LOG_LIMIT when the operator
 * set a larger default (a project must always be able to go back to the default).
 */
export function getMaxPingLogLimit(): number {
  return Math.max(DEFAULT_MAX, getEnv().pingLogLimit);
}
