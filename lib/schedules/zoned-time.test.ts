import { describe, expect, test } from "vitest";
import { ScheduleError } from "./parsing";
import { civilFromDays, daysFromCivil, getTimeZone } from "./zoned-time";

const wallMs = (iso: string): number => Date.parse(`${iso}Z`);

describe("civil date arithmetic", () => {
  test("day numbers round-trip through civil dates from 1900 to 2300 and agree with Date", () => {
    const mismatches: number[] = [];
    for (let days = daysFromCivil(1900, 1, 1); days <= daysFromCivil(2300, 12, 31); days += 1) {
      const { year, month, day } = civilFromDays(days);
      const viaDate = new Date(days * 86_400_000);
      const agrees = year === viaDate.getUTCFullYear() && month === viaDate.getUTCMonth() + 1 && day === viaDate.getUTCDate();
      if (!agrees || daysFromCivil(year, month, day) !== days) mismatches.push(days);
    }
    expect(mismatches).toEqual([]);
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe("TimeZone", () => {
  const riga = getTimeZone("Europe/Riga");

  test.each([
    ["2021-03-28T00:59:59Z", 2],
    ["2021-03-28T01:00:00Z", 3],
    ["2021-10-31T00:59:59Z", 3],
    ["2021-10-31T01:00:00Z", 2],
  ])("the offset at %s is +%i hours, switching at the exact second", (utc, hours) => {
    expect(riga.offsetAt(Date.parse(utc))).toBe(hours * 3_600_000);
  });

  test("a wall time in the spring-forward gap is imaginary and resolves past the gap for fold=0", () => {
    const wall = wallMs("2021-03-28T03:30:00");
    expect(riga.isImaginary(wall)).toBe(true);
    expect(new Date(riga.toUtc(wall, 0)).toISOString()).toBe("2021-03-28T01:30:00.000Z");
    expect(new Date(riga.toUtc(wall, 1)).toISOString()).toBe("2021-03-28T00:30:00.000Z");
  });

  test("a wall time in the repeated hour is its first occurrence for fold=0 and its second for fold=1", () => {
    const wall = wallMs("2021-10-31T03:30:00");
    expect(riga.isImaginary(wall)).toBe(false);
    expect(new Date(riga.toUtc(wall, 0)).toISOString()).toBe("2021-10-31T00:30:00.000Z");
    expect(new Date(riga.toUtc(wall, 1)).toISOString()).toBe("2021-10-31T01:30:00.000Z");
  });

  test("toWall marks the second pass through a repeated hour with fold=1", () => {
    expect(riga.toWall(Date.parse("2021-10-31T00:30:00Z"))).toEqual({ wall: wallMs("2021-10-31T03:30:00"), fold: 0 });
    expect(riga.toWall(Date.parse("2021-10-31T01:30:00Z"))).toEqual({ wall: wallMs("2021-10-31T03:30:00"), fold: 1 });
  });

  test("half-hour offsets and half-hour DST shifts are exact (Lord Howe Island)", () => {
    const lordHowe = getTimeZone("Australia/Lord_Howe");
    expect(lordHowe.offsetAt(Date.parse("2021-07-01T00:00:00Z"))).toBe(10.5 * 3_600_000);
    expect(lordHowe.offsetAt(Date.parse("2022-01-01T00:00:00Z"))).toBe(11 * 3_600_000);
    expect(lordHowe.isImaginary(wallMs("2021-10-03T02:15:00"))).toBe(true);
  });

  test("unknown zones throw ScheduleError", () => {
    expect(() => getTimeZone("Moon/Base")).toThrow(ScheduleError);
  });
});
