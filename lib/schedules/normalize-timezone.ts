import { canonicalTimezones } from "./canonical-timezones";
import { legacyTimezones } from "./legacy-timezones";

function intlAcceptsExactly(name: string): boolean {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone === name;
  } catch {
    return false;
  }
}

function intlAccepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The name a check should store for time zone `tz`, or null if it is not a
 * valid IANA zone. Like Healthchecks, names are case-sensitive and legacy
 * names are rewritten to the current ones (Europe/Kiev -> Europe/Kyiv,
 * US/Eastern -> America/New_York).
 *
 * Intl alone cannot decide this: it accepts any capitalisation and
 * canonicalises to CLDR's spellings, which are often the legacy ones. A name
 * missing from our tzdata snapshot is still accepted when Intl reports it
 * back unchanged, so zones added to tzdata later keep working.
 */
export function normalizeTimezone(tz: string): string | null {
  const current = legacyTimezones.get(tz);
  if (current !== undefined) return intlAccepts(current) ? current : null;
  if (canonicalTimezones.has(tz)) return intlAccepts(tz) ? tz : null;
  return intlAcceptsExactly(tz) ? tz : null;
}
