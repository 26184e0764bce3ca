// Alerts held during scheduled maintenance. A flip dated inside a maintenance window covering its
// check is recorded and claimed as usual, but no channel hears of it while the window lasts, and
// "still down" reminders wait too. When the window ends, the channels get the check's latest
// change once if it differs from what they last heard (Uptime Kuma sends the down alert after
// maintenance): a check that went down and is still down is announced, one that went down and
// came back is not, and one that was down before and recovered meanwhile is announced up.
//
// Exactly once with several sendalerts processes, without a column of its own: a held flip keeps
// the processed_at of its claim, which is before the window's end; the release moves it to the
// moment of release with a conditional update, which only one process wins, and a flip whose
// processed_at is at or after the window's end is never released again.
import type { Flip } from "../db";
import { getDb } from "../db";
import { findMaintenanceWindowAt, getMaintenanceWindow, type TimeWindow } from "../status-pages/maintenance-windows";

/** Windows that ended longer ago than this are not looked at again (a sendalerts stopped longer loses the release). */
const RELEASE_LOOKBACK_MS = 7 * 86_400_000;
/** Only maintenances that began within this much of now are scanned for an end. */
const LONGEST_MAINTENANCE_MS = 60 * 86_400_000;

const ALERTING = ["down", "up", "degraded"];

/**
 * True when the claimed flip (or "still down" reminder) must not reach any channel because of
 * maintenance. Decided as of the flip's claim (processed_at), so the release step and this agree
 * on which side of a window's end the claim fell:
 * - claimed while the window holding its time was in progress: held (released at its end);
 * - claimed after that window ended (sendalerts was behind, or this is the release): delivered
 *   only if it is still the check's latest flip and changes what the channels last heard
 *   (the newest flip before the window).
 */
export async function isFlipHeld(flip: Flip): Promise<boolean> {
  const db = getDb();
  const window = await findMaintenanceWindowAt(db, flip.checkId, flip.createdAt);
  if (!window) return false;
  const claimedAt = flip.processedAt ?? new Date();
  if (claimedAt.getTime() < window.end.getTime()) return true;
  return !(await isUnheardChange(flip, window));
}

async function isUnheardChange(flip: Flip, window: TimeWindow): Promise<boolean> {
  const db = getDb();
  const [latest, before] = await Promise.all([
    db.flip.findFirst({ where: { checkId: flip.checkId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } }),
    db.flip.findFirst({
      where: { checkId: flip.checkId, createdAt: { lt: window.start } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { newStatus: true },
    }),
  ]);
  if (latest?.id !== flip.id) return false;
  return alertState(flip.newStatus) !== alertState(before?.newStatus ?? "new");
}

/** What the channels make of a status: new, paused and up all mean nothing is wrong. */
function alertState(status: string): string {
  return status === "down" || status === "degraded" ? status : "up";
}

/**
 * One step of sendalerts: finds the checks whose held flips' maintenance has ended and claims
 * the latest held flip of each for release, moving its processed_at to `now`. Returns the
 * claimed flips for deliverFlip, which sends those that change what the channels last heard
 * (isFlipHeld). Safe with several processes: each flip is released by at most one.
 */
export async function claimReleasedFlips(now: Date = new Date()): Promise<Flip[]> {
  const db = getDb();
  // Served by the (kind, scheduled_for) index; maintenances are few.
  const ended = await db.statusIncident.findMany({
    where: {
      kind: "maintenance",
      scheduledFor: { lte: now, gt: new Date(now.getTime() - LONGEST_MAINTENANCE_MS) },
      OR: [
        { scheduledUntil: { lte: now, gt: new Date(now.getTime() - RELEASE_LOOKBACK_MS) } },
        { resolvedAt: { lte: now, gt: new Date(now.getTime() - RELEASE_LOOKBACK_MS) } },
      ],
    },
    select: { scheduledFor: true, scheduledUntil: true, resolvedAt: true, components: { select: { component: { select: { checkId: true } } } } },
  });
  const windows = new Map<number, TimeWindow[]>();
  for (const m of ended) {
    const window = getMaintenanceWindow(m);
    if (!window || window.end.getTime() > now.getTime()) continue;
    for (const { component } of m.components) {
      const list = windows.get(component.checkId) ?? [];
      list.push(window);
      windows.set(component.checkId, list);
    }
  }
  if (windows.size === 0) return [];

  // Held flips still waiting: dated inside one of the windows and claimed before its end.
  const all = [...windows.values()].flat();
  const flips = await db.flip.findMany({
    where: {
      checkId: { in: [...windows.keys()] },
      createdAt: { gte: new Date(Math.min(...all.map((w) => w.start.getTime()))), lt: new Date(Math.max(...all.map((w) => w.end.getTime()))) },
      processedAt: { not: null },
      newStatus: { in: ALERTING },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const latestByCheck = new Map<number, Flip>();
  for (const flip of flips) {
    const inWindow = windows.get(flip.checkId)!.some((w) => w.start <= flip.createdAt && flip.createdAt < w.end && flip.processedAt! < w.end);
    if (inWindow && !latestByCheck.has(flip.checkId)) latestByCheck.set(flip.checkId, flip);
  }

  const released: Flip[] = [];
  for (const flip of latestByCheck.values()) {
    // The whole (merged) window must be over: another maintenance may still hold the check.
    const window = await findMaintenanceWindowAt(db, flip.checkId, flip.createdAt);
    const heldUntil = window?.end ?? null;
    if (heldUntil && heldUntil.getTime() > now.getTime()) continue;
    if (heldUntil && flip.processedAt!.getTime() >= heldUntil.getTime()) continue;
    const { count } = await db.flip.updateMany({ where: { id: flip.id, processedAt: flip.processedAt }, data: { processedAt: now } });
    if (count === 1) released.push({ ...flip, processedAt: now });
  }
  return released;
}
