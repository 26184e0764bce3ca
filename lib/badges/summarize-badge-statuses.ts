import type { CheckStatus } from "../checks/status";
import type { BadgeSummary } from "./types";

/**
 * Healthchecks' badge aggregation over the checks' get_status() values: any "down" makes the
 * badge down; otherwise any "grace" makes it late, on three-state badges only (`withLate`);
 * everything else, new and paused included, counts as up. `grace` and `down` are counted
 * either way, so a two-state JSON badge still tells how many checks are late.
 */
export function summarizeBadgeStatuses(statuses: readonly CheckStatus[], withLate: boolean): BadgeSummary {
  const summary: BadgeSummary = { status: "up", total: statuses.length, grace: 0, down: 0 };
  for (const s of statuses) {
    if (s === "down") {
      summary.down += 1;
      summary.status = "down";
    } else if (s === "grace") {
      summary.grace += 1;
      if (summary.status === "up" && withLate) summary.status = "late";
    }
  }
  return summary;
}
