import { describe, expect, test } from "vitest";
import { findWindowAt, getMaintenanceWindow, isMaintenanceInProgress, mergeWindows, secondsInWindows, type MaintenanceTimes } from "./maintenance-windows";

const t = (hhmm: string) => new Date(`2026-05-01T${hhmm}:00Z`);
const m = (from: string | null, until: string | null, resolved: string | null = null): MaintenanceTimes => ({
  scheduledFor: from ? t(from) : null,
  scheduledUntil: until ? t(until) : null,
  resolvedAt: resolved ? t(resolved) : null,
});

describe("isMaintenanceInProgress", () => {
  test.each([
    ["before it starts", m("10:00", "12:00"), "09:59", false],
    ["at its start", m("10:00", "12:00"), "10:00", true],
    ["in the middle", m("10:00", "12:00"), "11:00", true],
    ["at its scheduled end (end excluded)", m("10:00", "12:00"), "12:00", false],
    ["after it was completed early", m("10:00", "12:00", "11:00"), "11:30", false],
    ["before an early completion", m("10:00", "12:00", "11:00"), "10:59", true],
    ["when it was cancelled before it began", m("10:00", "12:00", "09:00"), "10:30", false],
    ["resolved after its scheduled end", m("10:00", "12:00", "13:00"), "12:30", false],
    ["without a schedule", m(null, null), "10:30", false],
  ])("%s: %s", (_name, maintenance, at, expected) => {
    expect(isMaintenanceInProgress(maintenance, t(at))).toBe(expected);
  });

  test("the window is cut short at resolved_at and empty when cancelled in advance", () => {
    expect(getMaintenanceWindow(m("10:00", "12:00", "11:00"))).toEqual({ start: t("10:00"), end: t("11:00") });
    expect(getMaintenanceWindow(m("10:00", "12:00", "10:00"))).toBeNull();
  });
});

describe("mergeWindows", () => {
  test.each([
    ["disjoint windows stay apart", [["10:00", "11:00"], ["12:00", "13:00"]], [["10:00", "11:00"], ["12:00", "13:00"]]],
    ["overlapping windows join", [["11:30", "13:00"], ["10:00", "12:00"]], [["10:00", "13:00"]]],
    ["touching windows join", [["10:00", "11:00"], ["11:00", "12:00"]], [["10:00", "12:00"]]],
    ["a window inside another disappears", [["10:00", "14:00"], ["11:00", "12:00"]], [["10:00", "14:00"]]],
  ])("%s", (_name, input, expected) => {
    const win = ([a, b]: string[]) => ({ start: t(a!), end: t(b!) });
    expect(mergeWindows(input.map(win))).toEqual(expected.map(win));
  });

  test("findWindowAt and secondsInWindows read merged windows", () => {
    const windows = mergeWindows([{ start: t("10:00"), end: t("11:00") }, { start: t("10:30"), end: t("12:00") }]);
    expect(findWindowAt(windows, t("11:30"))).toEqual({ start: t("10:00"), end: t("12:00") });
    expect(findWindowAt(windows, t("12:00"))).toBeNull();
    expect(secondsInWindows(windows, t("11:00"), t("13:00"))).toBe(3600);
  });
});
