import { describe, expect, test } from "vitest";
import { describeSchedule } from "../../lib/schedules/describe-schedule";

describe("describeSchedule", () => {
  test.each([
    ["* * * * *", "Every minute"],
    ["*/5 * * * *", "Every 5 minutes"],
    ["0/15 * * * *", "Every 15 minutes"],
    ["0,15,30,45 * * * *", "Every 15 minutes"],
    ["* 9 * * *", "Every minute between 09:00 and 09:59"],
    ["*/15 9-17 * * 1-5", "Every 15 minutes between 09:00 and 17:59 on weekdays"],
    ["*/30 9,17 * * *", "Every 30 minutes during hours 9 and 17"],
    ["0 * * * *", "Every hour"],
    ["5 * * * *", "Every hour at minute 5"],
    ["0,30 * * * *", "Every 30 minutes"],
    ["5,35 * * * *", "Every hour at minutes 5 and 35"],
    ["0 */2 * * *", "Every 2 hours"],
    ["15 */6 * * *", "Every 6 hours at minute 15"],
    ["30 9 * * *", "At 09:30 every day"],
    ["0 9,17 * * *", "At 09:00 and 17:00 every day"],
    ["0 9 * * 1-5", "At 09:00 on weekdays"],
    ["0 9 * * MON-FRI", "At 09:00 on weekdays"],
    ["0 10 * * 6,0", "At 10:00 on weekends"],
    ["0 10 * * sat,sun", "At 10:00 on weekends"],
    ["0 9 * * 1", "At 09:00 every Monday"],
    ["0 9 * * 7", "At 09:00 every Sunday"],
    ["0 9 * * 1,3,5", "At 09:00 on Monday, Wednesday and Friday"],
    ["0 0 1 * *", "At 00:00 on the 1st of the month"],
    ["0 0 1,15 * *", "At 00:00 on the 1st and the 15th of the month"],
    ["0 0 22 * *", "At 00:00 on the 22nd of the month"],
    ["0 0 1-7 * *", "At 00:00 every day from the 1st to the 7th of the month"],
    ["0 0 L * *", "At 00:00 on the last day of the month"],
    ["0 18 LW * *", "At 18:00 on the last weekday of the month"],
    ["0 0 * * 5L", "At 00:00 on the last Friday of the month"],
    ["0 0 * * 1#3", "At 00:00 on the third Monday of the month"],
    ["0 0 1 1 *", "At 00:00 on the 1st of January"],
    ["0 0 1 1,7 *", "At 00:00 on the 1st of January and July"],
    ["0 0 * 12 *", "At 00:00 every day in December"],
    ["*/10 * * 12 *", "Every 10 minutes in December"],
    ["0 9 * 12 1-5", "At 09:00 on weekdays in December"],
    ["0 9 1 * 1", "At 09:00 on the 1st of the month or every Monday"],
    ["0 9 1-31 * 1", "At 09:00 every day"],
  ])("describes cron %s", (schedule, text) => {
    expect(describeSchedule(schedule)).toBe(text);
  });

  test.each([
    ["0 9 */2 * 1", "Cron expression 0 9 */2 * 1"],
    ["*/7 * * * *", "Cron expression */7 * * * *"],
    ["1,2,3 1,2,3 * * *", "Cron expression 1,2,3 1,2,3 * * *"],
    ["0  9 * *  *", "At 09:00 every day"],
    ["61 * * * *", "Cron expression 61 * * * *"],
  ])("falls back to the expression for %s", (schedule, text) => {
    expect(describeSchedule(schedule)).toBe(text);
  });

  test.each([
    ["daily", "At 00:00 every day"],
    ["hourly", "Every hour"],
    ["weekly", "At 00:00 every Monday"],
    ["monthly", "At 00:00 on the 1st of the month"],
    ["Mon..Fri *-*-* 09:00", "At 09:00 on weekdays"],
    ["*-*-* 02:30:00", "At 02:30 every day"],
    ["Sat,Sun 10:00", "At 10:00 on weekends"],
    ["daily\nMon 12:00", "At 00:00 every day; At 12:00 every Monday"],
  ])("describes OnCalendar %j", (schedule, text) => {
    expect(describeSchedule(schedule)).toBe(text);
  });

  test.each([
    ["*-*-* 02:30:15", "OnCalendar expression *-*-* 02:30:15"],
    ["2030-01-01 00:00", "OnCalendar expression 2030-01-01 00:00"],
    ["not a schedule", "OnCalendar expression not a schedule"],
  ])("falls back to the expression for OnCalendar %j", (schedule, text) => {
    expect(describeSchedule(schedule)).toBe(text);
  });
});
