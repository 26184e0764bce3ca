import { describe, expect, test } from "vitest";
import { canonicalTimezones } from "./canonical-timezones";
import { legacyTimezones } from "./legacy-timezones";
import { normalizeTimezone } from "./normalize-timezone";

describe("normalizeTimezone", () => {
  test.each([
    ["UTC", "UTC"],
    ["Europe/Riga", "Europe/Riga"],
    ["Europe/Kyiv", "Europe/Kyiv"],
    ["Europe/Kiev", "Europe/Kyiv"],
    ["Europe/Uzhgorod", "Europe/Kyiv"],
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Asia/Saigon", "Asia/Ho_Chi_Minh"],
    ["America/Godthab", "America/Nuuk"],
    ["Pacific/Enderbury", "Pacific/Kanton"],
    ["US/Eastern", "America/New_York"],
    ["America/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["Pacific/Truk", "Pacific/Chuuk"],
    ["Europe/Amsterdam", "Europe/Amsterdam"],
    ["Etc/GMT+5", "Etc/GMT+5"],
    ["GMT", "GMT"],
  ])("%j is stored as %j", (tz, expected) => {
    expect(normalizeTimezone(tz)).toBe(expected);
  });

  test.each(["", "Europe/Atlantis", "europe/riga", "EUROPE/RIGA", "Factory", " Europe/Riga", "+02:00", "Europe/"])(
    "%j is not a valid zone",
    (tz) => {
      expect(normalizeTimezone(tz)).toBeNull();
    },
  );

  test("every canonical name is accepted as-is", () => {
    for (const tz of canonicalTimezones) expect(normalizeTimezone(tz), tz).toBe(tz);
  });

  test("every legacy name maps to a canonical name that is not itself legacy", () => {
    for (const [legacy, current] of legacyTimezones) {
      expect(canonicalTimezones.has(legacy), legacy).toBe(false);
      expect(canonicalTimezones.has(current), current).toBe(true);
      expect(normalizeTimezone(legacy), legacy).toBe(current);
    }
  });
});
