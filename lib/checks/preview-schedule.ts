import { AppError } from "../errors";
import { formatDateTime } from "../format";
import { describeSchedule } from "../schedules/describe-schedule";
import { detectScheduleKind, getNextRun } from "../schedules/schedule";
import { parseCheckSpec } from "./check-spec";

export type SchedulePreview =
  | {
      ok: true;
      kind: "cron" | "oncalendar";
      description: string;
      /** The next runs after now: ms since epoch and as text in the schedule's time zone. */
      nextRuns: { at: number; text: string }[];
    }
  | { ok: false; error: string };

const API_PREFIX = "json validation error: ";

/**
 * What the schedule dialog shows while the user types: the API's own validation (same rules
 * and messages as saving, without the API's "json validation error:" prefix), a plain-English
 * description and the next `count` runs in `tz`.
 */
export function previewSchedule(schedule: string, tz: string, opts: { now?: Date; count?: number } = {}): SchedulePreview {
  let spec;
  try {
    spec = parseCheckSpec({ schedule, tz });
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: err.message.replace(API_PREFIX, "") };
    throw err;
  }
  const kind = detectScheduleKind(spec.schedule!);
  const zone = spec.tz!;
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short" });
  const nextRuns: { at: number; text: string }[] = [];
  let after = opts.now ?? new Date();
  for (let i = 0; i < (opts.count ?? 5); i++) {
    const next = getNextRun(kind, spec.schedule!, zone, after);
    if (!next) break;
    nextRuns.push({ at: next.getTime(), text: `${weekday.format(next)} ${formatDateTime(next, zone, { seconds: false })}` });
    after = next;
  }
  return { ok: true, kind, description: describeSchedule(spec.schedule!), nextRuns };
}
