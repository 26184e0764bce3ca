import { describe, expect, test } from "vitest";
import { ScheduleError } from "./parsing";
import { isoInZone } from "./zoned-time";
import { nextOnCalendarMatch, parseOnCalendar } from "./oncalendar";

// Many cases below are ported from oncalendar's own test suite, so the
// expected values are what Healthchecks computes.

function runs(text: string, start: string, tz: string, count: number): (string | null)[] {
  const result: (string | null)[] = [];
  let after = new Date(start);
  for (let i = 0; i < count; i++) {
    const next = nextOnCalendarMatch(text, after, tz);
    result.push(next === null ? null : isoInZone(next, tz));
    if (next === null) break;
    after = next;
  }
  return result;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const line = (text: string) => {
  const parsed = parseOnCalendar(text);
  expect(parsed.lines).toHaveLength(1);
  return parsed.lines[0]!;
};

describe("parseOnCalendar", () => {
  test("*-*-* *:*:* selects everything", () => {
    const parsed = line("*-*-* *:*:*");
    expect(parsed.weekdays).toEqual(range(0, 6));
    expect(parsed.years).toEqual(range(1970, 2199));
    expect(parsed.months).toEqual(range(1, 12));
    expect(parsed.days).toEqual(range(1, 31));
    expect(parsed.hours).toEqual(range(0, 23));
    expect(parsed.minutes).toEqual(range(0, 59));
    expect(parsed.seconds).toEqual(range(0, 59));
  });

  test.each(["Mon", "MON", "Monday", "MONDAY", "mon"])("a lone weekday %j means that day at midnight", (text) => {
    const parsed = line(text);
    expect(parsed.weekdays).toEqual([0]);
    expect(parsed.hours).toEqual([0]);
    expect(parsed.minutes).toEqual([0]);
    expect(parsed.seconds).toEqual([0]);
  });

  test.each(["Mon..Tue", "Mon,Tue", "Mon-Tue"])("weekday list or range %j", (text) => {
    expect(line(text).weekdays).toEqual([0, 1]);
  });

  test("a trailing comma after the weekday is allowed", () => {
    const parsed = line("Mon, 12:34");
    expect(parsed.weekdays).toEqual([0]);
    expect(parsed.hours).toEqual([12]);
    expect(parsed.minutes).toEqual([34]);
    expect(parsed.seconds).toEqual([0]);
  });

  test.each([
    ["2023-11-30", "years", [2023]],
    ["2023-11-30", "months", [11]],
    ["2023-11-30", "days", [30]],
    ["11-30", "years", range(1970, 2199)],
    ["11-30", "months", [11]],
    ["69-*-*", "years", [2069]],
    ["70-*-*", "years", [1970]],
    ["11:22:33", "hours", [11]],
    ["11:22:33", "minutes", [22]],
    ["11:22:33", "seconds", [33]],
    ["11:22", "seconds", [0]],
    ["*:1,2,3", "minutes", [1, 2, 3]],
    ["*:1..3", "minutes", [1, 2, 3]],
    ["*:1..3,7..9:*", "minutes", [1, 2, 3, 7, 8, 9]],
    ["*:0/15", "minutes", [0, 15, 30, 45]],
    ["*:0..10/2", "minutes", [0, 2, 4, 6, 8, 10]],
    ["*:5/15", "minutes", [5, 20, 35, 50]],
    ["*-*~1", "days", [-1]],
    ["*~1", "days", [-1]],
    ["*-*~1,8", "days", [-8, -1]],
    ["*-*~1..3", "days", [-3, -2, -1]],
    ["*-*~1..2,4..5", "days", [-5, -4, -2, -1]],
    ["*-*~1..5/2", "days", [-5, -3, -1]],
    ["*-*~3/2", "days", [-3, -1]],
  ] as const)("%s parses %s as %j", (text, field, expected) => {
    expect(line(text)[field]).toEqual(expected);
  });

  test.each([
    ["minutely", { hours: range(0, 23), minutes: range(0, 59), seconds: [0] }],
    ["MiNuTeLY", { hours: range(0, 23), minutes: range(0, 59), seconds: [0] }],
    ["hourly", { hours: range(0, 23), minutes: [0], seconds: [0] }],
    ["daily", { hours: [0], minutes: [0], days: range(1, 31) }],
    ["weekly", { weekdays: [0], hours: [0] }],
    ["monthly", { days: [1], months: range(1, 12) }],
    ["yearly", { months: [1], days: [1] }],
    ["annually", { months: [1], days: [1] }],
    ["quarterly", { months: [1, 4, 7, 10], days: [1] }],
    ["semiannually", { months: [1, 7], days: [1] }],
  ])("the shorthand %j expands like systemd", (text, expected) => {
    expect(line(text)).toMatchObject(expected);
  });

  test("a time zone at the end of a line applies to that line only", () => {
    const parsed = parseOnCalendar("12:34 Europe/Riga\nMon 09:00");
    expect(parsed.lines.map((l) => l.timeZone)).toEqual(["Europe/Riga", null]);
    expect(parsed.lines[0]!.hours).toEqual([12]);
  });

  test.each([
    ["", "Wrong number of fields"],
    ["Mon *-*-* *:*:* surprise", "Wrong number of fields"],
    ["*-*-5..1", "Bad day-of-month"],
    ["*:1..1_0", "Bad minute"],
    ["*:*/0", "Bad minute"],
    ["*:0/0", "Bad minute"],
    ["1-32", "Bad day-of-month"],
    ["* 1-1", "Bad day-of-week"],
    ["1~29", "Bad day-of-month"],
    ["12:34:56:78", "Bad time"],
    ["1-2-3-4", "Bad date"],
    ["12:34 Europe/Surprise", "Bad day-of-week"],
    ["Mon 12:00\n\nTue 12:00", "Wrong number of fields"],
    ["25:00", "Bad hour"],
    ["1969-01-01", "Bad year"],
    ["2200-01-01", "Bad year"],
    ["* * * * *", "Bad day-of-week"],
  ])("rejects %j with %j", (text, message) => {
    expect(() => parseOnCalendar(text)).toThrow(ScheduleError);
    expect(() => parseOnCalendar(text)).toThrow(message);
  });

  // oncalendar's bad-value matrix: every pattern with every bad value.
  const badValues = ["-1", "1000", "ABC", "1-1", "1:1", "Mon/1", "~1", "*/1", "*,1", "1..*"];
  test.each(["%s *-*-* *:*:*", "%s-*-*", "*-%s-*", "*-*-%s", "*-*~%s", "%s:*:*", "*:%s:*", "*:*:%s"])(
    "rejects every bad value in the pattern %j",
    (pattern) => {
      for (const value of badValues) {
        expect(() => parseOnCalendar(pattern.replace("%s", value)), value).toThrow(ScheduleError);
      }
    },
  );
});

describe("nextOnCalendarMatch", () => {
  const NOW = "2020-01-01T00:00:00Z";

  test.each([
    ["every 5th second", "*:*:0/5", NOW, ["2020-01-01T00:00:05+00:00", "2020-01-01T00:00:10+00:00"]],
    ["every minute", "*:*", NOW, ["2020-01-01T00:01:00+00:00", "2020-01-01T00:02:00+00:00"]],
    ["Mondays that are Feb 29", "Mon 2-29", NOW, ["2044-02-29T00:00:00+00:00", "2072-02-29T00:00:00+00:00"]],
    ["the last day of every month", "*~1", NOW, ["2020-01-31T00:00:00+00:00", "2020-02-29T00:00:00+00:00", "2020-03-31T00:00:00+00:00"]],
    ["the last Sunday of every month", "Sun *~7/1", NOW, ["2020-01-26T00:00:00+00:00", "2020-02-23T00:00:00+00:00", "2020-03-29T00:00:00+00:00"]],
    ["midnight comes the next day when started after it", "00:00", "2020-01-01T01:00:00Z", ["2020-01-02T00:00:00+00:00"]],
    ["a date in the past never comes", "2019-01-01", NOW, [null]],
    ["nothing is generated from the year 2200 on", "2199-2-29", NOW, [null]],
    ["weekly runs on Monday midnights", "weekly", "2024-02-05T10:00:00Z", ["2024-02-12T00:00:00+00:00", "2024-02-19T00:00:00+00:00"]],
    ["quarterly", "quarterly", "2024-02-05T10:00:00Z", ["2024-04-01T00:00:00+00:00", "2024-07-01T00:00:00+00:00", "2024-10-01T00:00:00+00:00"]],
    ["semiannually", "semiannually", "2024-02-05T10:00:00Z", ["2024-07-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00"]],
    ["every 14 days from the 1st", "*-*-01/14 06:00", "2024-02-05T10:00:00Z", ["2024-02-15T06:00:00+00:00", "2024-02-29T06:00:00+00:00", "2024-03-01T06:00:00+00:00"]],
    ["weekdays at 9", "Mon..Fri 09:00", "2024-01-05T10:00:00Z", ["2024-01-08T09:00:00+00:00", "2024-01-09T09:00:00+00:00"]],
    ["never returns the start itself", "12:00", "2024-01-01T12:00:00Z", ["2024-01-02T12:00:00+00:00"]],
    ["drops the sub-second part of the start", "*:*:*", "2024-01-01T12:00:00.900Z", ["2024-01-01T12:00:01+00:00"]],
  ])("%s: %j", (_name, text, start, expected) => {
    expect(runs(text, start, "UTC", expected.length)).toEqual(expected);
  });

  test.each([
    [
      "the earliest line wins",
      "Mon..Fri 09:00\nSat,Sun 12:00",
      "2024-01-05T10:00:00Z",
      ["2024-01-06T12:00:00+00:00", "2024-01-07T12:00:00+00:00", "2024-01-08T09:00:00+00:00"],
    ],
    [
      "each line may name its own time zone",
      "12:34 Europe/Riga\n12:00 UTC",
      "2024-01-05T10:00:00Z",
      ["2024-01-05T10:34:00+00:00", "2024-01-05T12:00:00+00:00", "2024-01-06T10:34:00+00:00"],
    ],
    ["a line with no future match is ignored", "2019-01-01\n*-*-* 06:00", "2024-01-05T10:00:00Z", ["2024-01-06T06:00:00+00:00"]],
    ["surrounding blank lines are ignored", "\n 09:00 \n", "2024-01-05T10:00:00Z", ["2024-01-06T09:00:00+00:00"]],
  ])("multiple lines: %s", (_name, text, start, expected) => {
    expect(runs(text, start, "UTC", expected.length)).toEqual(expected);
  });

  test("a time zone in the expression overrides the check's zone", () => {
    expect(runs("12:34 Europe/Riga", "2020-01-01T00:00:00+01:00", "Europe/Berlin", 2)).toEqual([
      "2020-01-01T11:34:00+01:00",
      "2020-01-02T11:34:00+01:00",
    ]);
  });

  test("accepts a parsed schedule as well as a string", () => {
    const parsed = parseOnCalendar("daily");
    expect(nextOnCalendarMatch(parsed, new Date(NOW), "UTC")?.toISOString()).toBe("2020-01-02T00:00:00.000Z");
  });

  test("throws ScheduleError for an unknown time zone", () => {
    expect(() => nextOnCalendarMatch("daily", new Date(NOW), "Nowhere/Special")).toThrow(ScheduleError);
  });
});

describe("nextOnCalendarMatch across DST", () => {
  test.each([
    ["keeps the zone's offset", "Europe/Riga", "*:*", "2020-01-01T00:00:00+02:00", ["2020-01-01T00:01:00+02:00", "2020-01-01T00:02:00+02:00"]],
    [
      "skips a time that does not exist on spring-forward day (Riga)",
      "Europe/Riga",
      "*-*-29 3:30",
      "2020-01-01T00:00:00+02:00",
      ["2020-01-29T03:30:00+02:00", "2020-02-29T03:30:00+02:00", "2020-04-29T03:30:00+03:00"],
    ],
    [
      "runs a repeated time once on fall-back day (Riga)",
      "Europe/Riga",
      "*-*-25 3:30",
      "2020-10-01T00:00:00+03:00",
      ["2020-10-25T03:30:00+03:00", "2020-11-25T03:30:00+02:00", "2020-12-25T03:30:00+02:00"],
    ],
    [
      "skips 02:30 on spring-forward day instead of running late (New York)",
      "America/New_York",
      "*-*-* 02:30",
      "2021-03-13T00:00:00-05:00",
      ["2021-03-13T02:30:00-05:00", "2021-03-15T02:30:00-04:00", "2021-03-16T02:30:00-04:00"],
    ],
    [
      "runs 01:30 once on fall-back day (New York)",
      "America/New_York",
      "01:30",
      "2021-11-06T00:00:00-04:00",
      ["2021-11-06T01:30:00-04:00", "2021-11-07T01:30:00-04:00", "2021-11-08T01:30:00-05:00"],
    ],
    [
      "steps on the wall clock, so the repeated hour is not revisited (New York)",
      "America/New_York",
      "*:0/30",
      "2021-11-07T00:50:00-04:00",
      ["2021-11-07T01:00:00-04:00", "2021-11-07T01:30:00-04:00", "2021-11-07T02:00:00-05:00", "2021-11-07T02:30:00-05:00"],
    ],
  ])("%s", (_name, tz, text, start, expected) => {
    expect(runs(text, start, tz, expected.length)).toEqual(expected);
  });

  test("an inline time zone with DST is honoured when the check's zone is UTC", () => {
    // 2021-03-28 03:30 does not exist in Riga; the next 03:30 is a day later.
    expect(runs("03:30 Europe/Riga", "2021-03-27T12:00:00Z", "UTC", 2)).toEqual([
      "2021-03-29T00:30:00+00:00",
      "2021-03-30T00:30:00+00:00",
    ]);
  });
});
