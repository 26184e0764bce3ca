import { splitWhitespace } from "../compat/python";
import { stripWhitespace } from "../compat/python";

/**
 * Healthchecks' API rule for telling schedule syntaxes apart: a single line
 * with exactly five fields is cron, anything else is OnCalendar.
 */
export function detectScheduleKind(schedule: string): "cron" | "oncalendar" {
  if (!stripWhitespace(schedule).includes("\n") && splitWhitespace(schedule).length === 5) return "cron";
  return "oncalendar";
}
