import type { AppliedPing } from "../pings/apply-ping";
import type { PingResult } from "../pings/types";
import { countFlip } from "./count-flip";
import { incrementTally, PING_TRANSPORTS, tallies } from "./tallies";

const KIND_INDEX: Record<string, number> = { start: 1, fail: 2, log: 3, ign: 4 };

/**
 * Counts a committed batch of pings (HTTP and email alike): the recorded ones by kind and
 * transport, the flips they created, and the answers that recorded nothing by status. Call it
 * only after the batch's transaction committed, so a rolled-back batch is not counted twice.
 */
export function countPingBatch(results: readonly PingResult[], recorded: readonly AppliedPing[]): void {
  for (const { status } of results) if (status >= 400) incrementTally(tallies.pingsRejected, status);
  for (const { ping, flip } of recorded) {
    const kind = ping.kind === null ? 0 : (KIND_INDEX[ping.kind] ?? 0);
    tallies.pings[kind * PING_TRANSPORTS.length + (ping.scheme === "email" ? 1 : 0)]++;
    if (flip) countFlip(flip.newStatus);
  }
}
