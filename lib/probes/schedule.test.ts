import { describe, expect, test } from "vitest";
import { getLeaseUntil, getMaxRunMs, getNextSlot, getPhaseMs, hashCode, LEASE_MARGIN_MS } from "./schedule";

const CODE = "5b0f1c9e-7d1a-4a52-9f3e-0c6f3b1d2a11";

describe("getNextSlot", () => {
  const phase = getPhaseMs(CODE, 60_000);
  test.each([
    ["just before the phase", phase - 1, phase],
    ["exactly on a slot (strictly after it)", phase, phase + 60_000],
    ["just after a slot", phase + 1, phase + 60_000],
    ["many intervals later", phase + 10 * 60_000 + 5, phase + 11 * 60_000],
    ["an overrun of two intervals skips the covered slots", phase + 2 * 60_000 + 30_000, phase + 3 * 60_000],
  ])("%s", (_name, after, expected) => {
    expect(getNextSlot(CODE, 60_000, after)).toBe(expected);
  });

  test("slots are always in the future and one interval apart", () => {
    for (const after of [0, 1, 59_999, 1_700_000_000_123, 1_800_000_000_000]) {
      const next = getNextSlot(CODE, 10_000, after);
      expect(next).toBeGreaterThan(after);
      expect(next - after).toBeLessThanOrEqual(10_000);
      expect(getNextSlot(CODE, 10_000, next)).toBe(next + 10_000);
    }
  });
});

describe("getPhaseMs", () => {
  test("is the same for the same UUID and within the interval", () => {
    expect(getPhaseMs(CODE, 60_000)).toBe(getPhaseMs(CODE, 60_000));
    expect(getPhaseMs(CODE, 60_000)).toBeGreaterThanOrEqual(0);
    expect(getPhaseMs(CODE, 60_000)).toBeLessThan(60_000);
    expect(hashCode("")).toBe(0x811c9dc5);
  });

  test("spreads 10,000 random checks on one interval over its seconds", () => {
    const perSecond = new Array<number>(60).fill(0);
    for (let i = 0; i < 10_000; i++) perSecond[Math.floor(getPhaseMs(crypto.randomUUID(), 60_000) / 1000)]++;
    // ~167 a second on average; no second gets a crowd.
    expect(Math.max(...perSecond)).toBeLessThan(300);
    expect(Math.min(...perSecond)).toBeGreaterThan(80);
  });
});

describe("leases", () => {
  test.each([
    [{ attempts: 1, timeout: 10, attempt_spacing: 0 }, 10_000],
    [{ attempts: 3, timeout: 5, attempt_spacing: 500 }, 16_000],
    [{ attempts: 10, timeout: 60, attempt_spacing: 1000 }, 609_000],
  ])("a run of %j takes at most %i ms and is leased beyond it", (config, max) => {
    expect(getMaxRunMs(config)).toBe(max);
    expect(getLeaseUntil(config, 1000)).toBe(1000 + max + LEASE_MARGIN_MS);
  });
});
