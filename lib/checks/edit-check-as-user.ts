import { userActor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import type { Check } from "../db";
import { parseCheckSpec } from "./check-spec";
import { markOverdueCheckDown } from "./mark-overdue-check-down";
import { updateCheck } from "./update-check";
import { updateNextNagDates } from "../reports/update-next-nag-dates";

/**
 * Edits a check from the web UI with the API's validation (parseCheckSpec: same rules, same
 * messages) and API v3 semantics, then applies the UI's rule that a period or schedule edit
 * making an up check overdue marks it down without an alert. `body` uses the API's JSON keys
 * (name, slug, timeout, schedule, filter_body, ...); `channels` and `unique` are ignored here.
 * Throws AppError "bad_request" ("json validation error: ...") or an access error.
 */
export async function editCheckAsUser(userId: number, checkCode: string, body: Record<string, unknown>): Promise<Check> {
  const { check } = await requireCheckAccess(userActor(userId), checkCode, "write");
  const { channels: _channels, unique: _unique, ...fields } = body;
  const spec = parseCheckSpec(fields);
  const updated = await updateCheck(check.id, spec, { version: 3 });
  const timingChanged = spec.timeout !== undefined || spec.grace !== undefined || spec.schedule !== undefined || spec.tz !== undefined;
  if (timingChanged && (await markOverdueCheckDown(check.id))) {
    // The flip is already processed, so sendalerts will not start the team's reminders.
    await updateNextNagDates({ projectId: check.projectId });
    return { ...updated, status: "down", alertAfter: null };
  }
  return updated;
}
