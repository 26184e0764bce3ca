import { assignChannels, findChannelsBySpec } from "./check-channels";
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { updateNextNagDates } from "./update-next-nag-dates";
import { applyCheckSpec } from "./apply-check-spec";
import { parseCheckSpec, type CheckSpec } from "./check-spec";
import { lockCheck } from "./find-check";
import { getFirstReminderAt, isOverdue } from "./status";
import type { ApiVersion } from "./to-dict";

export interface UpdateCheckOptions {
  actor: Actor;
  checkCode: string;
  /** The request body, with the API's JSON keys (name, timeout, filter_body, channels, ...). */
  input: Record<string, unknown>;
  /** Whose semantics apply: API v1/v2 derive the slug from a changed name. Default 3. */
  version?: ApiVersion;
  /**
   * "api" (default): Healthchecks' API update; `channels` replaces the check's channels, and a
   * check the new settings make overdue is left for sendalerts, which alerts. "ui": the details
   * page's edit; `channels` and `unique` are ignored, and a period, grace or schedule edit that
   * makes an up check overdue marks it down at once without an alert: the person just did it.
   */
  via?: "api" | "ui";
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
  now?: Date;
}

/**
 * A seam for the test of the UI's overdue rule: when set, it runs inside the transaction after
 * the new settings are written and before the rule marks the check down, the moment a
 * sendalerts scan once slipped in between two transactions. Production code never sets it.
 */
export const updateCheckSeam: { afterSettingsWrite?: () => Promise<void> } = {};

/**
 * Writes a validated spec to a check whose row the caller has locked: only the keys present
 * change, alertAfter is recomputed, and `channels` (if present) replaces the check's channels.
 * Throws AppError("bad_request") for a bad `channels` value, before anything is written.
 */
export async function writeCheckSpec(tx: Tx, check: Check, spec: CheckSpec, version: ApiVersion, now: Date): Promise<Check> {
  const channelIds = spec.channels === undefined ? null : await findChannelsBySpec(tx, check.projectId, spec.channels);
  const changes = applyCheckSpec(check, spec, version, now);
  const updated = Object.keys(changes).length ? await tx.check.update({ where: { id: check.id }, data: changes }) : check;
  if (channelIds) await assignChannels(tx, check.id, channelIds);
  return updated;
}

/**
 * Updates a check from a request body: the actor's access first (so the API answers 404/403
 * before it looks at the body, as Healthchecks does), then parseCheckSpec (the API's rules and
 * messages, for the UI too), then the writes, in one transaction holding the check's row lock.
 * Throws AppError on access, AppError("bad_request", "json validation error: ...") with `field`
 * for a bad key.
 */
export async function updateCheck({ actor, checkCode, input, version = 3, via = "api", tx, now = new Date() }: UpdateCheckOptions): Promise<Check> {
  return inTransaction(tx, async (tx) => {
    // The lock comes first. It keeps pings and sendalerts out until the edit commits, and on
    // SQLite a transaction must write before it reads: one that reads first fails when anything
    // commits in between (SQLITE_BUSY_SNAPSHOT).
    await lockCheck(tx, checkCode);
    const { check } = await requireCheckAccess(actor, checkCode, "write", tx);
    let body = input;
    if (via === "ui") {
      const { channels: _channels, unique: _unique, ...fields } = input;
      body = fields;
    }
    const spec = parseCheckSpec(body);
    const updated = await writeCheckSpec(tx, check, spec, version, now);
    await updateCheckSeam.afterSettingsWrite?.();
    const timingChanged = spec.timeout !== undefined || spec.grace !== undefined || spec.schedule !== undefined || spec.tz !== undefined;
    const isUp = updated.status === "up" || updated.status === "degraded";
    if (via !== "ui" || !timingChanged || !isUp || !isOverdue(updated, now)) return updated;

    // The new alert_after and the status change commit together: a sendalerts scan sees either
    // the old, future deadline or a check that is already down, never an overdue "up" check to
    // alert about. The flip is recorded as processed, so no notification goes out for it.
    await tx.flip.create({ data: { checkId: check.id, createdAt: now, processedAt: now, oldStatus: updated.status, newStatus: "down" } });
    const down = await tx.check.update({
      where: { id: check.id },
      data: { status: "down", alertAfter: null, nextReminderAt: getFirstReminderAt("down", updated.reminderInterval, now) },
    });
    // No unprocessed flip means sendalerts will not start the team's reminders: do it here.
    await updateNextNagDates({ projectId: check.projectId }, now, tx);
    return down;
  });
}
