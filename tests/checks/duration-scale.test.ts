import { describe, expect, test } from "vitest";
import { DURATION_SCALE, fromScaleIndex, MAX_DURATION, MIN_DURATION, pickUnit, toScaleIndex } from "../../components/checks/duration-scale";

describe("duration slider scale", () => {
  test("runs from 1 minute to 365 days in increasing steps", () => {
    expect(DURATION_SCALE[0]).toBe(MIN_DURATION);
    expect(DURATION_SCALE.at(-1)).toBe(MAX_DURATION);
    for (let i = 1; i < DURATION_SCALE.length; i++) expect(DURATION_SCALE[i]!).toBeGreaterThan(DURATION_SCALE[i - 1]!);
  });

  test.each([
    [60, 60],
    [90, 60],
    [3600, 3600],
    [86400, 86400],
    [20 * 86400, 21 * 86400],
    [365 * 86400, 365 * 86400],
    [10, 60],
    [10 ** 9, 365 * 86400],
  ])("snaps %i seconds to %i", (seconds, snapped) => {
    expect(fromScaleIndex(toScaleIndex(seconds))).toBe(snapped);
  });

  test("clamps positions outside the slider", () => {
    expect(fromScaleIndex(-5)).toBe(MIN_DURATION);
    expect(fromScaleIndex(10_000)).toBe(MAX_DURATION);
  });

  test.each([
    [59, "seconds"],
    [60, "minutes"],
    [90, "seconds"],
    [7200, "hours"],
    [86400 * 3, "days"],
    [86400 + 60, "minutes"],
  ])("shows %i seconds in %s", (seconds, unit) => {
    expect(pickUnit(seconds)).toBe(unit);
  });
});
