import { describe, expect, test } from "vitest";
import { escapeHtml, formatApproxDuration, formatDateTime, formatDuration, formatRelativeTime, formatRunTime, plural } from "./format";

describe("plural", () => {
  test.each([
    [0, "0 checks"],
    [1, "1 check"],
    [2, "2 checks"],
  ])("counts %i as %s", (n, text) => {
    expect(plural(n, "check")).toBe(text);
  });
});

describe("escapeHtml", () => {
  test("escapes what Django's escape() escapes, and nothing else", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a> é`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt; é");
  });
});

describe("formatDuration", () => {
  test.each([
    [30, "30 seconds"],
    [60, "1 minute"],
    [90, "1 minute"],
    [3600, "1 hour"],
    [86400, "1 day"],
    [93600, "1 day 2 hours"],
    [7 * 86400, "1 week"],
    [8 * 86400, "8 days"],
    [14 * 86400, "2 weeks"],
    [365 * 86400, "365 days"],
    [86400 + 3600 + 60, "1 day 1 hour 1 minute"],
  ])("formats %i seconds as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("formatApproxDuration", () => {
  test.each([
    [0, "0 seconds"],
    [1, "1 second"],
    [310, "5 minutes 10 seconds"],
    [3600, "1 hour"],
    [2 * 86400 + 3 * 3600 + 59, "2 days 3 hours"],
    [86400 + 59, "1 day 59 seconds"],
  ])("formats %i seconds as %s", (seconds, text) => {
    expect(formatApproxDuration(seconds)).toBe(text);
  });
});

describe("formatRunTime", () => {
  test.each([
    [5, "0 sec"],
    [520, "0.52 sec"],
    [5_000, "5 sec"],
    [245_000, "4 min 5 sec"],
    [7_203_000, "2 h 0 min 3 sec"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatRunTime(ms)).toBe(text);
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  test.each([
    [0, "just now"],
    [9, "just now"],
    [45, "45 seconds ago"],
    [180, "3 minutes ago"],
    [3600, "1 hour ago"],
    [2 * 86400, "2 days ago"],
    [14 * 86400, "2 weeks ago"],
    [400 * 86400, "1 year ago"],
    [-300, "in 5 minutes"],
  ])("formats %i seconds before now", (secondsAgo, text) => {
    expect(formatRelativeTime(new Date(now.getTime() - secondsAgo * 1000), now)).toBe(text);
  });
});

describe("formatDateTime", () => {
  test("shows the time in the given zone with its abbreviation", () => {
    const date = new Date("2026-07-01T12:34:56Z");
    expect(formatDateTime(date, "UTC")).toBe("2026-07-01 12:34:56 UTC");
    expect(formatDateTime(date, "America/New_York")).toBe("2026-07-01 08:34:56 EDT");
    expect(formatDateTime(date, "UTC", { seconds: false })).toBe("2026-07-01 12:34 UTC");
  });

  test("falls back to UTC for an unknown zone", () => {
    expect(formatDateTime(new Date("2026-01-01T00:00:00Z"), "Mars/Olympus")).toBe("2026-01-01 00:00:00 UTC");
  });
});
