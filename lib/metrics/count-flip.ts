import { incrementTally, tallies } from "./tallies";

/** Counts a committed flip (a status change) by its new status. */
export function countFlip(newStatus: string): void {
  incrementTally(tallies.flips, newStatus);
}
