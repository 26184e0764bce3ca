import { plural } from "./plural";

const UNITS = [
  ["week", 7 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
] as const;

/**
 * Healthchecks' format_duration for periods and grace times: "1 day 2 hours", "2 weeks",
 * "8 days" (weeks only when the value is a whole number of them). Seconds below a minute are
 * shown as such ("30 seconds"); above a minute they are dropped, as Healthchecks does.
 */
export function formatDuration(totalSeconds: number): string {
  let remaining = Math.max(0, Math.floor(totalSeconds));
  if (remaining < 60) return plural(remaining, "second");
  const parts: string[] = [];
  for (const [name, secs] of UNITS) {
    if (name === "week" && remaining % secs !== 0) continue;
    const v = Math.floor(remaining / secs);
    remaining %= secs;
    if (v > 0) parts.push(plural(v, name));
  }
  return parts.join(" ");
}
