/**
 * A job's run time (start to success/fail), Healthchecks' format_hms: "0.52 sec" under a
 * second, else "5 sec", "4 min 5 sec", "2 h 0 min 3 sec". Input in milliseconds.
 */
export function formatRunTime(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds >= 0.01 && seconds < 1) return `${seconds.toFixed(2)} sec`;
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (h || m) parts.push(`${m} min`);
  parts.push(`${total % 60} sec`);
  return parts.join(" ");
}
