import { plural } from "./plural";

const UNITS = [
  ["year", 365 * 86400],
  ["month", 30 * 86400],
  ["week", 7 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
] as const;

/**
 * A coarse relative time with one unit, like Django's naturaltime: "just now",
 * "3 minutes ago", "2 days ago", "in 5 minutes". Under 10 seconds either way is "just now",
 * so a list that re-renders every few seconds does not flicker through "1 second ago".
 */
export function formatRelativeTime(date: Date | number, now: Date | number): string {
  const diff = Math.floor((Number(now) - Number(date)) / 1000);
  const abs = Math.abs(diff);
  if (abs < 10) return "just now";
  for (const [name, secs] of UNITS) {
    if (abs >= secs) {
      const text = plural(Math.floor(abs / secs), name);
      return diff > 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return "just now";
}
