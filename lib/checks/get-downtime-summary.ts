import type { Check } from "../db";
import { getDowntimeSummaries, type DowntimeRecord, type DowntimeSummaryOptions } from "./get-downtime-summaries";

export { getDowntimeSummaries } from "./get-downtime-summaries";
export type { DowntimeRecord, DowntimeSummaryOptions } from "./get-downtime-summaries";
/** The record type from when only months were summarized; kept for existing callers. */
export type MonthlyDowntime = DowntimeRecord;

/**
 * Downtime per day, week (from Monday) or calendar month (the default) in `opts.tz` for one
 * check (§3.6): the current period and the `count - 1` (default 2) before it, newest first.
 * See getDowntimeSummaries for the details; this is the same computation for a single check.
 */
export async function getDowntimeSummary(
  check: Pick<Check, "id" | "status" | "createdAt">,
  opts: DowntimeSummaryOptions,
): Promise<DowntimeRecord[]> {
  const summaries = await getDowntimeSummaries([check], opts);
  return summaries.get(check.id)!;
}
