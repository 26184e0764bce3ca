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
