/**
 * Python's `dt.replace(microsecond=0).isoformat()` for a UTC datetime, the form Healthchecks
 * uses in check JSON and flips: "2026-01-01T10:00:00+00:00". Null stays null.
 */
export function formatIso(date: Date | null): string | null {
  if (!date) return null;
  return date.toISOString().slice(0, 19) + "+00:00";
}
