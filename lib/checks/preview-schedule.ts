// What the schedule dialog shows while the user types: the API's own validation of the
// expression and zone, a plain-English description and the next runs.
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { formatDateTime } from "../format";
import { describeSchedule } from "../schedules/describe-schedule";
import { detectScheduleKind, getNextRun } from "../schedules/schedule";
import { parseCheckSpec } from "./check-spec";

export interface SchedulePreview {
  kind: "cron" | "oncalendar";
  description: string;
  /** The next runs after now: ms since epoch and as text in the schedule's time zone. */
  nextRuns: { at: number; text: string }[];
}

/**
 * The description and the next `count` (default 5) runs of `schedule` in `tz`. Throws what
 * saving would: AppError("bad_request") from parseCheckSpec, with `field` ("schedule" or "tz")
 * and the API's message without its "json validation error:" prefix as `userMessage`.
 */
export function previewSchedule(schedule: string, tz: string, opts: { now?: Date; count?: number } = {}): SchedulePreview {
  const spec = parseCheckSpec({ schedule, tz });
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
  return { kind, description: describeSchedule(spec.schedule!), nextRuns };
}

/** previewSchedule for the dialog of a check the actor may read. Throws AppError on access too. */
export async function previewCheckSchedule({ actor, checkCode, schedule, tz }: { actor: Actor; checkCode: string; schedule: string; tz: string }): Promise<SchedulePreview> {
  await requireCheckAccess(actor, checkCode, "read");
  return previewSchedule(schedule, tz);
}
