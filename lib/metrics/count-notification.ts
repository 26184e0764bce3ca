import { incrementTally, tallies } from "./tallies";

/** Counts one delivery attempt to a channel of `kind` (after the transport's own retries). */
export function countNotification(kind: string, failed: boolean): void {
  incrementTally(failed ? tallies.notificationsFailed : tallies.notificationsSent, kind);
}
