import { getPeriodBoundaries } from "./get-period-boundaries";

/**
 * The first instants of the current month and the `months - 1` before it, on the wall clock of
 * `tz` (Healthchecks' month_boundaries), oldest first: the starts of getPeriodBoundaries("month").
 * A midnight that falls into a DST gap resolves to the first instant after the gap, as Python's
 * zoneinfo does. An unknown zone counts as UTC.
 */
export function getMonthBoundaries(months: number, tz: string, now: Date = new Date()): Date[] {
  return getPeriodBoundaries("month", months, tz, now).map((p) => p.start);
}
