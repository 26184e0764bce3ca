import { plural } from "./plural";

const UNITS = [
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
] as const;

/**
 * Healthchecks' format_approx_duration for downtimes: the two largest non-zero units,
 * "2 days 3 hours", "5 minutes 10 seconds", "0 seconds" for nothing.
 */
export function formatApproxDuration(totalSeconds: number): string {
  let remaining = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const [name, secs] of UNITS) {
    if (remaining < secs) continue;
    parts.push(plural(Math.floor(remaining / secs), name));
    remaining %= secs;
    if (parts.length === 2) break;
  }
  return parts.length ? parts.join(" ") : "0 seconds";
}
