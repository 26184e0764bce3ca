// Maintenance windows: when a maintenance (a status_incidents row of kind "maintenance") is in
// progress, and which checks it covers. The one rule every part of Vigil asks (holding alerts,
// component states, uptime bars, downtime, the check page's marks). Database reads take the
// client as an argument and import only types, so the pure rule stays usable from components/.
import type { Db, Tx } from "../db";

/** The columns of a maintenance that decide when it is in progress. */
export interface MaintenanceTimes {
  scheduledFor: Date | null;
  scheduledUntil: Date | null;
  /** Set when it was completed early or cancelled. */
  resolvedAt: Date | null;
}

/** A stretch of time, start included, end excluded. */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/**
 * True when the maintenance is in progress at `at`: scheduled_for <= at < scheduled_until and
 * it was not completed early or cancelled by then (at < resolved_at).
 */
export function isMaintenanceInProgress(m: MaintenanceTimes, at: Date): boolean {
  const window = getMaintenanceWindow(m);
  return window !== null && window.start.getTime() <= at.getTime() && at.getTime() < window.end.getTime();
}

/**
 * The stretch a maintenance actually holds: from scheduled_for to scheduled_until, cut short
 * at resolved_at. Null when it has no schedule or was cancelled before it began.
 */
export function getMaintenanceWindow(m: MaintenanceTimes): TimeWindow | null {
  if (!m.scheduledFor || !m.scheduledUntil) return null;
  const start = m.scheduledFor.getTime();
  const end = Math.min(m.scheduledUntil.getTime(), m.resolvedAt?.getTime() ?? Infinity);
  return end > start ? { start: m.scheduledFor, end: new Date(end) } : null;
}

/** Sorted, with overlapping and touching windows joined into one. */
export function mergeWindows(windows: readonly TimeWindow[]): TimeWindow[] {
  const sorted = [...windows].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: TimeWindow[] = [];
  for (const w of sorted) {
    const last = out.at(-1);
    if (last && w.start.getTime() <= last.end.getTime()) {
      if (w.end.getTime() > last.end.getTime()) out[out.length - 1] = { start: last.start, end: w.end };
    } else {
      out.push({ start: w.start, end: w.end });
    }
  }
  return out;
}

/** The window of `windows` holding `at` (start included, end excluded), or null. */
export function findWindowAt(windows: readonly TimeWindow[], at: Date): TimeWindow | null {
  const t = at.getTime();
  return windows.find((w) => w.start.getTime() <= t && t < w.end.getTime()) ?? null;
}

/** Seconds of `windows` (merged) that fall within [from, to). */
export function secondsInWindows(windows: readonly TimeWindow[], from: Date, to: Date): number {
  let ms = 0;
  for (const w of mergeWindows(windows)) {
    const start = Math.max(w.start.getTime(), from.getTime());
    const end = Math.min(w.end.getTime(), to.getTime());
    if (end > start) ms += end - start;
  }
  return ms / 1000;
}

const MAINTENANCE_SELECT = {
  scheduledFor: true,
  scheduledUntil: true,
  resolvedAt: true,
  components: { select: { component: { select: { checkId: true } } } },
} as const;

export interface FindMaintenanceWindowsOptions {
  /** Only maintenances of this page (a page's uptime bars count only its own). */
  pageId?: number;
}

/**
 * Per check, the maintenance windows covering it that overlap [from, to), merged, oldest first
 * (whole windows, not clipped to the range). Checks without any are absent from the map. One
 * query, whatever the number of checks.
 */
export async function findMaintenanceWindows(
  db: Db | Tx,
  checkIds: readonly number[],
  from: Date,
  to: Date,
  opts: FindMaintenanceWindowsOptions = {},
): Promise<Map<number, TimeWindow[]>> {
  const result = new Map<number, TimeWindow[]>();
  if (checkIds.length === 0) return result;
  const wanted = new Set(checkIds);
  const rows = await db.statusIncident.findMany({
    where: {
      kind: "maintenance",
      ...(opts.pageId !== undefined ? { pageId: opts.pageId } : {}),
      scheduledFor: { lt: to },
      scheduledUntil: { gt: from },
      OR: [{ resolvedAt: null }, { resolvedAt: { gt: from } }],
      components: { some: { component: { checkId: { in: [...wanted] } } } },
    },
    select: MAINTENANCE_SELECT,
  });
  for (const row of rows) {
    const window = getMaintenanceWindow(row);
    if (!window || window.end.getTime() <= from.getTime()) continue;
    for (const { component } of row.components) {
      if (!wanted.has(component.checkId)) continue;
      const list = result.get(component.checkId);
      if (list) list.push(window);
      else result.set(component.checkId, [window]);
    }
  }
  for (const [checkId, list] of result) result.set(checkId, mergeWindows(list));
  return result;
}

/**
 * The check's merged maintenance window holding `at` (any page's maintenance covering the
 * check), or null when none is in progress then. One query, served by the components' check_id
 * index; nothing on the ping path calls it.
 */
export async function findMaintenanceWindowAt(db: Db | Tx, checkId: number, at: Date): Promise<TimeWindow | null> {
  // Every maintenance covering the check that has not ended by `at`: windows that begin later
  // are needed too, since one that begins before the holding window ends extends it.
  const rows = await db.statusIncident.findMany({
    where: {
      kind: "maintenance",
      scheduledUntil: { gt: at },
      OR: [{ resolvedAt: null }, { resolvedAt: { gt: at } }],
      components: { some: { component: { checkId } } },
    },
    select: { scheduledFor: true, scheduledUntil: true, resolvedAt: true },
  });
  const windows = rows.map(getMaintenanceWindow).filter((w): w is TimeWindow => w !== null);
  return findWindowAt(mergeWindows(windows), at);
}

/** True when a maintenance covering the check is in progress at `at` (see isMaintenanceInProgress). */
export async function isCheckInMaintenance(db: Db | Tx, checkId: number, at: Date): Promise<boolean> {
  return (await findMaintenanceWindowAt(db, checkId, at)) !== null;
}
