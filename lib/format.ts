// Text for people: counts, durations, times and HTML-safe strings, worded as Healthchecks words
// them (its format_duration, format_approx_duration, format_hms and Django's escape), so emails,
// chat messages and pages read the same as theirs. Pure: the browser uses these too.

/** "1 minute", "2 minutes". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/**
 * Text made safe for HTML element content and quoted attributes, exactly like Django's
 * escape() (which Healthchecks' templates use): & < > " ' → &amp; &lt; &gt; &quot; &#x27;.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c] ?? c);
}

const DURATION_UNITS = [
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
  for (const [name, secs] of DURATION_UNITS) {
    if (name === "week" && remaining % secs !== 0) continue;
    const v = Math.floor(remaining / secs);
    remaining %= secs;
    if (v > 0) parts.push(plural(v, name));
  }
  return parts.join(" ");
}

const APPROX_UNITS = [
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
  for (const [name, secs] of APPROX_UNITS) {
    if (remaining < secs) continue;
    parts.push(plural(Math.floor(remaining / secs), name));
    remaining %= secs;
    if (parts.length === 2) break;
  }
  return parts.length ? parts.join(" ") : "0 seconds";
}

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

const RELATIVE_UNITS = [
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
  for (const [name, secs] of RELATIVE_UNITS) {
    if (abs >= secs) {
      const text = plural(Math.floor(abs / secs), name);
      return diff > 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return "just now";
}

/**
 * An exact, unambiguous timestamp in a time zone: "2026-11-21 14:05:03 CET" (24-hour clock,
 * ISO-like order so it reads the same in every locale). Falls back to UTC for a bad zone.
 */
export function formatDateTime(date: Date | number, timeZone = "UTC", opts: { seconds?: boolean } = {}): string {
  const seconds = opts.seconds ?? true;
  const make = (zone: string) =>
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      ...(seconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
      timeZoneName: "short",
    });
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = make(timeZone);
  } catch {
    formatter = make("UTC");
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) parts[part.type] = part.value;
  const time = `${parts.hour}:${parts.minute}${seconds ? `:${parts.second}` : ""}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time} ${parts.timeZoneName}`;
}

/**
 * Rows as a terminal table: columns two spaces apart, each as wide as its widest cell, no
 * trailing spaces (the CLI's `vigil check` and `vigil agent list`).
 */
export function formatTextTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
  return [header, ...rows].map((r) => r.map((cell, col) => cell.padEnd(widths[col])).join("  ").trimEnd()).join("\n");
}
