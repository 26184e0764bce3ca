import { describe, expect, test } from "vitest";
import { nextCronMatch, parseCron } from "./cron";
import { ScheduleError } from "./parsing";
import { isoInZone } from "./zoned-time";

// Many cases below are ported from cronsim's own test suite, so the expected
// values are what Healthchecks computes.

/** The next `count` runs after `start` (an ISO string with offset), as ISO strings in `tz`. */
function runs(expr: string, start: string, tz: string, count: number): (string | null)[] {
  const result: (string | null)[] = [];
  let after = new Date(start);
  for (let i = 0; i < count; i++) {
    const next = nextCronMatch(expr, after, tz);
    result.push(next === null ? null : isoInZone(next, tz));
    if (next === null) break;
    after = next;
  }
  return result;
}

const range = (from: number, to: number, step = 1): number[] => {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
};

describe("parseCron", () => {
  test.each([
    ["* * * * *", "minutes", range(0, 59)],
    ["* * * * *", "hours", range(0, 23)],
    ["* * * * *", "daysOfMonth", range(1, 31)],
    ["* * * * *", "months", range(1, 12)],
    ["* * * * *", "daysOfWeek", range(0, 7)],
    ["1 * * * *", "minutes", [1]],
    ["1,2,3 * * * *", "minutes", [1, 2, 3]],
    ["1-3 * * * *", "minutes", [1, 2, 3]],
    ["1-3,7-9 * * * *", "minutes", [1, 2, 3, 7, 8, 9]],
    ["*/15 * * * *", "minutes", [0, 15, 30, 45]],
    ["0-10/2 * * * *", "minutes", [0, 2, 4, 6, 8, 10]],
    ["5/15 * * * *", "minutes", [5, 20, 35, 50]],
    ["* 8-18/4 * * *", "hours", [8, 12, 16]],
    ["* * * * 1", "daysOfWeek", [1]],
    ["* * * * 0", "daysOfWeek", [0]],
    ["* * * * 7", "daysOfWeek", [7]],
    ["* * * * MON", "daysOfWeek", [1]],
    ["* * * * mon", "daysOfWeek", [1]],
    ["* * * * 0-2", "daysOfWeek", [0, 1, 2]],
    ["* * * * sun-tue", "daysOfWeek", [0, 1, 2]],
    ["* * * * */2", "daysOfWeek", [0, 2, 4, 6]],
    ["* * * JAN *", "months", [1]],
    ["* * * feb-APR *", "months", [2, 3, 4]],
    ["* * * JAN/5 *", "months", [1, 6, 11]],
    ["* * * * 5L", "lastDaysOfWeek", [5]],
    ["* * * * 1#2", "nthDaysOfWeek", [{ dayOfWeek: 1, nth: 2 }]],
  ] as const)("%s parses %s as %j", (expr, field, expected) => {
    expect(parseCron(expr)[field]).toEqual(expected);
  });

  test.each([
    ["* * L * *", "lastDayOfMonth"],
    ["* * l * *", "lastDayOfMonth"],
    ["* * L/2 * *", "lastDayOfMonth"],
    ["* * LW * *", "lastWeekdayOfMonth"],
    ["* * lw * *", "lastWeekdayOfMonth"],
    ["* * LW/2 * *", "lastWeekdayOfMonth"],
  ] as const)("%s sets %s and no numeric days", (expr, flag) => {
    const parsed = parseCron(expr);
    expect(parsed[flag]).toBe(true);
    expect(parsed.daysOfMonth).toEqual([]);
  });

  test("a list can mix plain weekdays with nth weekdays", () => {
    const parsed = parseCron("* * * * 1,2,3#1");
    expect(parsed.daysOfWeek).toEqual([1, 2]);
    expect(parsed.nthDaysOfWeek).toEqual([{ dayOfWeek: 3, nth: 1 }]);
  });

  test.each([
    ["* * * * 1", true, "restricted day-of-week with * day-of-month is AND"],
    ["* * 1 * *", true, "restricted day-of-month with * day-of-week is AND"],
    ["* * */2 * MON", true, "a day-of-month starting with * is AND"],
    ["* * 1 * MON", false, "both fields restricted is OR"],
  ])("%s: dayAnd is %s (%s)", (expr, dayAnd) => {
    expect(parseCron(expr).dayAnd).toBe(dayAnd);
  });

  test.each([
    ["0 3 * * *", true],
    ["30 1,2 * * *", true],
    ["0 */2 * * *", false],
    ["*/15 * * * *", false],
    ["0 * * * *", false],
  ])("%s uses wall-clock DST handling: %s", (expr, wallClock) => {
    expect(parseCron(expr).wallClock).toBe(wallClock);
  });

  test.each([
    ["* * * *", "Wrong number of fields"],
    ["* * * * * *", "Wrong number of fields"],
    ["", "Wrong number of fields"],
    ["garbage", "Wrong number of fields"],
    ["what is this cron about", "Bad minute"],
    ["60 * * * *", "Bad minute"],
    ["-1 * * * *", "Bad minute"],
    ["* 24 * * *", "Bad hour"],
    ["* * 32 * *", "Bad day-of-month"],
    ["* * 0 * *", "Bad day-of-month"],
    ["* * * 13 *", "Bad month"],
    ["* * * 0 *", "Bad month"],
    ["* * * * 8", "Bad day-of-week"],
    ["L * * * *", "Bad minute"],
    ["* * * * L", "Bad day-of-week"],
    ["*/0 * * * *", "Bad minute"],
    ["1-1_0 * * * *", "Bad minute"],
    ["* * 5-1 * *", "Bad day-of-month"],
    ["* * * * 1#0", "Bad day-of-week"],
    ["* * * * 1#6", "Bad day-of-week"],
    ["* * 30 2 *", "Bad day-of-month"],
    ["* * 31 4 *", "Bad day-of-month"],
    ["0 0 30 2 *", "Bad day-of-month"],
    ["* * * * 5L-6", "Bad day-of-week"],
    ["* * * * 5L#1", "Bad day-of-week"],
    ["* * * * 5L/3", "Bad day-of-week"],
    ["* * * * MONL", "Bad day-of-week"],
    ["* * * * MON-SUN", "Bad day-of-week"],
    ["* * LL * *", "Bad day-of-month"],
    ["* * LWX * *", "Bad day-of-month"],
    ["¹ * * * *", "Bad minute"],
  ])("rejects %j with %j", (expr, message) => {
    expect(() => parseCron(expr)).toThrow(ScheduleError);
    expect(() => parseCron(expr)).toThrow(message);
  });

  // cronsim's bad-value matrix: every pattern with every bad value.
  const badValues = ["-1", "61", "ABC", "2/", "/2", "2#", "#2", "1##1", "1//2", "¹", "LL", "LWX"];
  test.each([
    "%s * * * *",
    "* %s * * *",
    "* * %s * *",
    "* * * %s * ",
    "* * * * %s",
    "* * * * * %s",
    "1-%s * * * *",
    "%s-60 * * * *",
    "* * 1-%s * *",
    "* * 1,%s * *",
    "* * %s/1 * *",
    "* * * %s-DEC *",
    "* * * JAN-%s *",
    "* * * * %s-SUN",
    "* * * * MON-%s",
  ])("rejects every bad value in the pattern %j", (pattern) => {
    for (const value of badValues) {
      expect(() => parseCron(pattern.replace("%s", value)), value).toThrow(ScheduleError);
    }
  });
});

describe("nextCronMatch", () => {
  const NOW = "2020-01-01T00:00:00Z";

  test.each([
    ["runs on the last day of the month with L", "1 1 L * *", NOW, ["2020-01-31T01:01:00+00:00"]],
    ["runs on the last weekday of the month with LW", "1 1 LW 5 *", NOW, ["2020-05-29T01:01:00+00:00"]],
    [
      "moves LW back from a weekend to Friday",
      "0 0 LW * *",
      "2024-08-01T00:00:00Z",
      ["2024-08-30T00:00:00+00:00", "2024-09-30T00:00:00+00:00", "2024-10-31T00:00:00+00:00", "2024-11-29T00:00:00+00:00"],
    ],
    [
      "finds the last day of February in leap and common years",
      "0 0 L 2 *",
      "2023-01-01T00:00:00Z",
      ["2023-02-28T00:00:00+00:00", "2024-02-29T00:00:00+00:00", "2025-02-28T00:00:00+00:00"],
    ],
    [
      "runs on the last Friday of every month with 5L",
      "1 1 * * 5L",
      NOW,
      [
        "2020-01-31T01:01:00+00:00",
        "2020-02-28T01:01:00+00:00",
        "2020-03-27T01:01:00+00:00",
        "2020-04-24T01:01:00+00:00",
        "2020-05-29T01:01:00+00:00",
        "2020-06-26T01:01:00+00:00",
        "2020-07-31T01:01:00+00:00",
        "2020-08-28T01:01:00+00:00",
        "2020-09-25T01:01:00+00:00",
        "2020-10-30T01:01:00+00:00",
        "2020-11-27T01:01:00+00:00",
        "2020-12-25T01:01:00+00:00",
      ],
    ],
    ["treats 0L as the last Sunday", "1 1 * * 0L", NOW, ["2020-01-26T01:01:00+00:00"]],
    ["treats 7L as the last Sunday", "1 1 * * 7L", NOW, ["2020-01-26T01:01:00+00:00"]],
    ["runs on the second Monday with 1#2", "1 1 * * 1#2", NOW, ["2020-01-13T01:01:00+00:00"]],
    [
      "skips months without a fifth Monday for 1#5",
      "0 9 * * 1#5",
      "2024-01-01T00:00:00Z",
      ["2024-01-29T09:00:00+00:00", "2024-04-29T09:00:00+00:00", "2024-07-29T09:00:00+00:00"],
    ],
    [
      "jumps to the next leap year for Feb 29",
      "0 0 29 2 *",
      "2021-03-01T00:00:00Z",
      ["2024-02-29T00:00:00+00:00", "2028-02-29T00:00:00+00:00", "2032-02-29T00:00:00+00:00"],
    ],
    [
      "finds a fifth Monday in February decades apart",
      "0 0 * 2 MON#5",
      NOW,
      ["2044-02-29T00:00:00+00:00", "2072-02-29T00:00:00+00:00", "2112-02-29T00:00:00+00:00"],
    ],
    [
      "ORs day-of-month and day-of-week when both are restricted",
      "0 0 1 * MON",
      "2024-01-01T00:00:00Z",
      [
        "2024-01-08T00:00:00+00:00",
        "2024-01-15T00:00:00+00:00",
        "2024-01-22T00:00:00+00:00",
        "2024-01-29T00:00:00+00:00",
        "2024-02-01T00:00:00+00:00",
        "2024-02-05T00:00:00+00:00",
      ],
    ],
    [
      "ANDs the fields when day-of-week starts with * (first Sunday of the month)",
      "1 1 1-7 * */7",
      NOW,
      ["2020-01-05T01:01:00+00:00", "2020-02-02T01:01:00+00:00", "2020-03-01T01:01:00+00:00", "2020-04-05T01:01:00+00:00"],
    ],
    [
      "ANDs the fields when day-of-month starts with * (first Monday of the month)",
      "1 1 */100,1-7 * MON",
      NOW,
      ["2020-01-06T01:01:00+00:00", "2020-02-03T01:01:00+00:00", "2020-03-02T01:01:00+00:00", "2020-04-06T01:01:00+00:00"],
    ],
    [
      "counts */3 weekdays from Sunday",
      "1 1 * * */3",
      NOW,
      ["2020-01-01T01:01:00+00:00", "2020-01-04T01:01:00+00:00", "2020-01-05T01:01:00+00:00", "2020-01-08T01:01:00+00:00"],
    ],
    [
      "accepts month and day names in any case",
      "30 6 * JAN,jul mon-fri",
      "2024-01-30T00:00:00Z",
      ["2024-01-30T06:30:00+00:00", "2024-01-31T06:30:00+00:00", "2024-07-01T06:30:00+00:00"],
    ],
    [
      "steps through a range",
      "0 8-18/4 * * *",
      "2024-01-01T00:00:00Z",
      ["2024-01-01T08:00:00+00:00", "2024-01-01T12:00:00+00:00", "2024-01-01T16:00:00+00:00", "2024-01-02T08:00:00+00:00"],
    ],
    [
      "treats day-of-week 7 as Sunday",
      "0 12 * * 7",
      "2024-01-01T00:00:00Z",
      ["2024-01-07T12:00:00+00:00", "2024-01-14T12:00:00+00:00"],
    ],
    [
      "treats day-of-week 0 as Sunday",
      "0 12 * * 0",
      "2024-01-01T00:00:00Z",
      ["2024-01-07T12:00:00+00:00", "2024-01-14T12:00:00+00:00"],
    ],
    [
      "drops the seconds of the start and returns the next whole minute",
      "* * * * *",
      "2024-01-01T12:00:30.500Z",
      ["2024-01-01T12:01:00+00:00", "2024-01-01T12:02:00+00:00"],
    ],
    ["never returns the start itself", "0 12 * * *", "2024-01-01T12:00:00Z", ["2024-01-02T12:00:00+00:00"]],
  ])("%s", (_name, expr, start, expected) => {
    expect(runs(expr, start, "UTC", expected.length)).toEqual(expected);
  });

  test.each([
    ["1 1 */100 * MON#4", "the 1st of the month is never its fourth Monday"],
    ["* * */20 * 1L", "the 1st and 21st are never the last Monday"],
  ])("gives up after 50 years without a match: %s (%s)", (expr) => {
    expect(nextCronMatch(expr, new Date(NOW), "UTC")).toBeNull();
  });

  test("accepts a parsed expression as well as a string", () => {
    const parsed = parseCron("0 3 * * *");
    expect(nextCronMatch(parsed, new Date(NOW), "UTC")?.toISOString()).toBe("2020-01-01T03:00:00.000Z");
  });

  test("evaluates the expression on the wall clock of the given zone", () => {
    expect(nextCronMatch("0 9 * * *", new Date(NOW), "Asia/Kolkata")?.toISOString()).toBe("2020-01-01T03:30:00.000Z");
  });

  test("throws ScheduleError for an unknown time zone", () => {
    expect(() => nextCronMatch("* * * * *", new Date(NOW), "Mars/Olympus_Mons")).toThrow(ScheduleError);
  });

  test("throws ScheduleError for an invalid expression string", () => {
    expect(() => nextCronMatch("* * 32 * *", new Date(NOW), "UTC")).toThrow("Bad day-of-month");
  });
});

describe("nextCronMatch across DST in Europe/Riga", () => {
  // DST in Europe/Riga in 2021:
  //   spring: 2021-03-28T02:59:00+02:00 is followed by 2021-03-28T04:00:00+03:00
  //   autumn: 2021-10-31T03:59:00+03:00 is followed by 2021-10-31T03:00:00+02:00
  const tz = "Europe/Riga";
  test.each([
    ["every hour, spring", "0 * * * *", "2021-03-28T01:30:00+02:00", ["2021-03-28T02:00:00+02:00", "2021-03-28T04:00:00+03:00"]],
    [
      "every hour, autumn (runs in both passes of the repeated hour)",
      "0 * * * *",
      "2021-10-31T01:30:00+03:00",
      ["2021-10-31T02:00:00+03:00", "2021-10-31T03:00:00+03:00", "2021-10-31T03:00:00+02:00", "2021-10-31T04:00:00+02:00"],
    ],
    [
      "every 30 minutes, spring",
      "*/30 * * * *",
      "2021-03-28T02:10:00+02:00",
      ["2021-03-28T02:30:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-28T04:30:00+03:00"],
    ],
    [
      "every 30 minutes, autumn",
      "*/30 * * * *",
      "2021-10-31T02:10:00+03:00",
      [
        "2021-10-31T02:30:00+03:00",
        "2021-10-31T03:00:00+03:00",
        "2021-10-31T03:30:00+03:00",
        "2021-10-31T03:00:00+02:00",
        "2021-10-31T03:30:00+02:00",
        "2021-10-31T04:00:00+02:00",
      ],
    ],
    ["every 15 minutes, spring", "*/15 * * * *", "2021-03-28T02:40:00+02:00", ["2021-03-28T02:45:00+02:00", "2021-03-28T04:00:00+03:00"]],
    [
      "every 15 minutes, autumn (every 15 real minutes)",
      "*/15 * * * *",
      "2021-10-31T02:40:00+03:00",
      [
        "2021-10-31T02:45:00+03:00",
        "2021-10-31T03:00:00+03:00",
        "2021-10-31T03:15:00+03:00",
        "2021-10-31T03:30:00+03:00",
        "2021-10-31T03:45:00+03:00",
        "2021-10-31T03:00:00+02:00",
        "2021-10-31T03:15:00+02:00",
        "2021-10-31T03:30:00+02:00",
        "2021-10-31T03:45:00+02:00",
        "2021-10-31T04:00:00+02:00",
      ],
    ],
    [
      "every 2 hours, spring",
      "0 */2 * * *",
      "2021-03-28T01:30:00+02:00",
      ["2021-03-28T02:00:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-28T06:00:00+03:00"],
    ],
    [
      "every 2 hours, autumn",
      "0 */2 * * *",
      "2021-10-31T01:30:00+03:00",
      ["2021-10-31T02:00:00+03:00", "2021-10-31T04:00:00+02:00", "2021-10-31T06:00:00+02:00"],
    ],
    ["30 past every 2 hours, spring", "30 */2 * * *", "2021-03-28T01:30:00+02:00", ["2021-03-28T02:30:00+02:00", "2021-03-28T04:30:00+03:00"]],
    ["30 past every 2 hours, autumn", "30 */2 * * *", "2021-10-31T01:30:00+03:00", ["2021-10-31T02:30:00+03:00", "2021-10-31T04:30:00+02:00"]],
    [
      "every 3 hours, autumn",
      "0 */3 * * *",
      "2021-10-31T01:30:00+03:00",
      ["2021-10-31T03:00:00+03:00", "2021-10-31T03:00:00+02:00", "2021-10-31T06:00:00+02:00"],
    ],
    [
      "at 1-5 o'clock listed, spring",
      "0 1,2,3,4,5 * * *",
      "2021-03-28T01:30:00+02:00",
      ["2021-03-28T02:00:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-28T05:00:00+03:00"],
    ],
    [
      "at 1-5 o'clock listed, autumn (the repeated 3:00 runs once)",
      "0 1,2,3,4,5 * * *",
      "2021-10-31T01:30:00+03:00",
      ["2021-10-31T02:00:00+03:00", "2021-10-31T03:00:00+03:00", "2021-10-31T04:00:00+02:00"],
    ],
    [
      "30 past 1-5 o'clock, spring (the skipped 3:30 runs at 4:00)",
      "30 1,2,3,4,5 * * *",
      "2021-03-28T01:30:00+02:00",
      ["2021-03-28T02:30:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-28T04:30:00+03:00"],
    ],
    [
      "30 past 1-5 o'clock, autumn",
      "30 1,2,3,4,5 * * *",
      "2021-10-31T01:30:00+03:00",
      ["2021-10-31T02:30:00+03:00", "2021-10-31T03:30:00+03:00", "2021-10-31T04:30:00+02:00"],
    ],
    ["at 2:00, spring", "0 2 * * *", "2021-03-28T01:30:00+02:00", ["2021-03-28T02:00:00+02:00", "2021-03-29T02:00:00+03:00"]],
    ["at 2:00, autumn", "0 2 * * *", "2021-10-31T01:30:00+03:00", ["2021-10-31T02:00:00+03:00", "2021-11-01T02:00:00+02:00"]],
    [
      "at 3:00, spring (skipped, runs at the end of the gap)",
      "0 3 * * *",
      "2021-03-27T01:30:00+02:00",
      ["2021-03-27T03:00:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-29T03:00:00+03:00"],
    ],
    ["at 3:00, autumn (repeated, runs once)", "0 3 * * *", "2021-10-31T01:30:00+03:00", ["2021-10-31T03:00:00+03:00", "2021-11-01T03:00:00+02:00"]],
    [
      "at 4:00, spring",
      "0 4 * * *",
      "2021-03-27T01:30:00+02:00",
      ["2021-03-27T04:00:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-29T04:00:00+03:00"],
    ],
    [
      "at 4:00, autumn",
      "0 4 * * *",
      "2021-10-30T01:30:00+03:00",
      ["2021-10-30T04:00:00+03:00", "2021-10-31T04:00:00+02:00", "2021-11-01T04:00:00+02:00"],
    ],
    [
      "every hour enumerated, spring",
      "0 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23 * * *",
      "2021-03-28T01:30:00+02:00",
      ["2021-03-28T02:00:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-28T05:00:00+03:00"],
    ],
    [
      "every hour enumerated, autumn (wall clock, so 3:00 only once)",
      "0 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23 * * *",
      "2021-10-31T01:30:00+03:00",
      ["2021-10-31T02:00:00+03:00", "2021-10-31T03:00:00+03:00", "2021-10-31T04:00:00+02:00"],
    ],
    [
      "every other hour enumerated, spring",
      "0 1,3,5,7,9,11,13,15,17,19,21,23 * * *",
      "2021-03-28T00:30:00+02:00",
      ["2021-03-28T01:00:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-28T05:00:00+03:00"],
    ],
    [
      "every other hour enumerated, autumn",
      "0 1,3,5,7,9,11,13,15,17,19,21,23 * * *",
      "2021-10-31T00:30:00+03:00",
      ["2021-10-31T01:00:00+03:00", "2021-10-31T03:00:00+03:00", "2021-10-31T05:00:00+02:00"],
    ],
    ["1-5 o'clock range, spring", "0 1-5 * * *", "2021-03-28T01:30:00+02:00", ["2021-03-28T02:00:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-28T05:00:00+03:00"]],
    ["1-5 o'clock range, autumn", "0 1-5 * * *", "2021-10-31T01:30:00+03:00", ["2021-10-31T02:00:00+03:00", "2021-10-31T03:00:00+03:00", "2021-10-31T04:00:00+02:00"]],
    ["at 3:15, spring", "15 3 * * *", "2021-03-27T00:00:00+02:00", ["2021-03-27T03:15:00+02:00", "2021-03-28T04:00:00+03:00", "2021-03-29T03:15:00+03:00"]],
    ["at 3:15, autumn", "15 3 * * *", "2021-10-30T00:00:00+03:00", ["2021-10-30T03:15:00+03:00", "2021-10-31T03:15:00+03:00", "2021-11-01T03:15:00+02:00"]],
    ["every minute, spring", "* * * * *", "2021-03-28T02:58:00+02:00", ["2021-03-28T02:59:00+02:00", "2021-03-28T04:00:00+03:00"]],
    ["every minute, autumn", "* * * * *", "2021-10-31T03:58:00+03:00", ["2021-10-31T03:59:00+03:00", "2021-10-31T03:00:00+02:00", "2021-10-31T03:01:00+02:00"]],
    ["every minute of 1-6 o'clock, spring", "* 1-6 * * *", "2021-03-28T02:58:00+02:00", ["2021-03-28T02:59:00+02:00", "2021-03-28T04:00:00+03:00"]],
    [
      "every minute of 1-6 o'clock, autumn",
      "* 1-6 * * *",
      "2021-10-31T03:58:00+03:00",
      ["2021-10-31T03:59:00+03:00", "2021-10-31T03:00:00+02:00", "2021-10-31T03:01:00+02:00"],
    ],
  ])("%s: %s", (_name, expr, start, expected) => {
    expect(runs(expr, start, tz, expected.length)).toEqual(expected);
  });

  test("a fixed time already run in the first pass of a repeated hour is not run again in the second pass", () => {
    // Starting at 03:30 in the second pass, cronsim's naive wall-clock search
    // would find 03:45 of the *first* pass, which is in the past; the next
    // real run is the next day.
    expect(runs("45 3 * * *", "2021-10-31T03:30:00+02:00", tz, 1)).toEqual(["2021-11-01T03:45:00+02:00"]);
  });
});

describe("nextCronMatch across DST in America/New_York", () => {
  // 2021: clocks went 01:59 EST -> 03:00 EDT on March 14, 01:59 EDT -> 01:00 EST on November 7.
  const tz = "America/New_York";
  test.each([
    [
      "a job at 2:30 runs at 3:00 on the day 2:30 does not exist",
      "30 2 * * *",
      "2021-03-13T00:00:00-05:00",
      ["2021-03-13T02:30:00-05:00", "2021-03-14T03:00:00-04:00", "2021-03-15T02:30:00-04:00"],
    ],
    [
      "a job at 3:00 is unaffected by the spring gap",
      "0 3 * * *",
      "2021-03-13T00:00:00-05:00",
      ["2021-03-13T03:00:00-05:00", "2021-03-14T03:00:00-04:00", "2021-03-15T03:00:00-04:00"],
    ],
    [
      "a job at 1:30 runs only at the first 1:30 on fall-back day",
      "30 1 * * *",
      "2021-11-06T00:00:00-04:00",
      ["2021-11-06T01:30:00-04:00", "2021-11-07T01:30:00-04:00", "2021-11-08T01:30:00-05:00"],
    ],
    [
      "every 15 minutes keeps a 15 real minute rhythm through fall-back",
      "*/15 * * * *",
      "2021-11-07T01:40:00-04:00",
      [
        "2021-11-07T01:45:00-04:00",
        "2021-11-07T01:00:00-05:00",
        "2021-11-07T01:15:00-05:00",
        "2021-11-07T01:30:00-05:00",
        "2021-11-07T01:45:00-05:00",
        "2021-11-07T02:00:00-05:00",
      ],
    ],
    [
      "every 15 minutes keeps a 15 real minute rhythm through spring-forward",
      "*/15 * * * *",
      "2021-03-14T01:40:00-05:00",
      ["2021-03-14T01:45:00-05:00", "2021-03-14T03:00:00-04:00", "2021-03-14T03:15:00-04:00"],
    ],
    [
      "hourly skips the missing hour",
      "0 * * * *",
      "2021-03-14T00:30:00-05:00",
      ["2021-03-14T01:00:00-05:00", "2021-03-14T03:00:00-04:00", "2021-03-14T04:00:00-04:00"],
    ],
    [
      "hourly runs in both passes of the repeated hour",
      "0 * * * *",
      "2021-11-07T00:30:00-04:00",
      ["2021-11-07T01:00:00-04:00", "2021-11-07T01:00:00-05:00", "2021-11-07T02:00:00-05:00", "2021-11-07T03:00:00-05:00"],
    ],
  ])("%s", (_name, expr, start, expected) => {
    expect(runs(expr, start, tz, expected.length)).toEqual(expected);
  });
});

describe("nextCronMatch in zones with unusual DST", () => {
  test.each([
    // Lord Howe Island moves its clocks by 30 minutes (02:00 -> 02:30 on 2021-10-03).
    ["Australia/Lord_Howe", "15 2 * * *", "2021-10-02T12:00:00+10:30", ["2021-10-03T02:30:00+11:00", "2021-10-04T02:15:00+11:00"]],
    // Santiago springs forward at midnight (2021-09-05 00:00 -> 01:00).
    ["America/Santiago", "0 0 * * *", "2021-09-04T12:00:00-04:00", ["2021-09-05T01:00:00-03:00", "2021-09-06T00:00:00-03:00"]],
  ])("%s: %s", (tz, expr, start, expected) => {
    expect(runs(expr, start, tz, expected.length)).toEqual(expected);
  });
});
