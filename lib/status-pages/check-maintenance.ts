// A check's maintenance windows for its own page in the web app: the event log marks pings,
// probe runs and held flips inside them, and the downtime table leaves them out. lib/checks
// cannot read them itself (lib/status-pages builds on lib/checks), so the page passes them on.
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { getDb } from "../db";
import { findMaintenanceWindows, type TimeWindow } from "./maintenance-windows";

export interface FindCheckMaintenanceOptions {
  actor: Actor;
  checkCode: string;
  now?: Date;
}

/**
 * Every maintenance window covering the check (on any status page) from its creation until now,
 * merged, oldest first; the one in progress included. Throws AppError on access (see
 * requireCheckAccess).
 */
export async function findCheckMaintenance({ actor, checkCode, now = new Date() }: FindCheckMaintenanceOptions): Promise<TimeWindow[]> {
  const { check } = await requireCheckAccess(actor, checkCode, "read");
  const windows = await findMaintenanceWindows(getDb(), [check.id], check.createdAt, new Date(now.getTime() + 1));
  return windows.get(check.id) ?? [];
}
