// Scheduled maintenances start and end by themselves, as Statuspage's "auto transition" does: when
// `scheduled_for` has passed, an "in_progress" update and a maintenance_started event; when
// `scheduled_until` has passed, a "completed" update (which sets resolved_at) and a
// maintenance_completed event. Each happens once however many sendalerts processes notice it:
// the event key ("maintenance_started:<code>", "maintenance_completed:<code>") is unique, and a
// transaction that finds it taken writes nothing.
import { getDb, inTransaction, type Tx } from "../db";
import { isUniqueViolation } from "../errors";
import { getStatusEventKey, newStatusCode, recordStatusEvent, touchStatusPage } from "./events";
import type { StatusEventKind } from "./types";

// Statuspage's default texts for its automatic transitions.
export const MAINTENANCE_STARTED_BODY = "Scheduled maintenance is currently in progress. We will provide updates as necessary.";
export const MAINTENANCE_COMPLETED_BODY = "The scheduled maintenance has been completed.";

const BATCH = 50;

class AlreadyDone extends Error {}

/** Runs `work` in its own transaction; false when another worker did it first (or the key was taken). */
async function once(work: (tx: Tx) => Promise<void>): Promise<boolean> {
  try {
    await inTransaction(undefined, work);
    return true;
  } catch (err) {
    // On PostgreSQL the loser of a race on the event key fails on the unique index.
    if (err instanceof AlreadyDone || isUniqueViolation(err)) return false;
    throw err;
  }
}

async function recordOrAbort(tx: Tx, pageId: number, incidentId: number, kind: StatusEventKind, key: string, updateCode: string | null, now: Date) {
  const recorded = await recordStatusEvent(tx, { pageId, incidentId, kind, key, updateCode, createdAt: now });
  if (!recorded) throw new AlreadyDone();
}

/** Starts maintenances whose window has opened. Returns how many this call started. */
export async function startDueMaintenances(now = new Date()): Promise<number> {
  const due = await getDb().statusIncident.findMany({
    where: { kind: "maintenance", scheduledFor: { lte: now }, resolvedAt: null, events: { none: { kind: "maintenance_started" } } },
    select: { id: true, code: true, pageId: true },
    orderBy: { scheduledFor: "asc" },
    take: BATCH,
  });
  let started = 0;
  for (const m of due) {
    const done = await once(async (tx) => {
      const latest = await tx.statusIncidentUpdate.findFirst({ where: { incidentId: m.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
      let updateCode = latest?.code ?? null;
      // A manager may have posted "in progress" (or more) by hand already; then only the event is missing.
      if (!latest || latest.status === "scheduled") {
        updateCode = newStatusCode();
        await tx.statusIncidentUpdate.create({
          data: { code: updateCode, incidentId: m.id, status: "in_progress", body: MAINTENANCE_STARTED_BODY, createdAt: now, displayAt: now },
        });
      }
      await recordOrAbort(tx, m.pageId, m.id, "maintenance_started", getStatusEventKey("maintenance_started", m.code, ""), updateCode, now);
      await tx.statusIncident.update({ where: { id: m.id }, data: { updatedAt: now } });
      await touchStatusPage(tx, m.pageId, now);
    });
    if (done) started++;
  }
  return started;
}

/** Completes maintenances whose window has closed and that nobody completed by hand. Returns how many. */
export async function completeDueMaintenances(now = new Date()): Promise<number> {
  const due = await getDb().statusIncident.findMany({
    where: { kind: "maintenance", scheduledUntil: { lte: now }, resolvedAt: null },
    select: { id: true, code: true, pageId: true },
    orderBy: { scheduledUntil: "asc" },
    take: BATCH,
  });
  let completed = 0;
  for (const m of due) {
    const done = await once(async (tx) => {
      // The claim: only one transaction moves resolved_at from NULL.
      const { count } = await tx.statusIncident.updateMany({ where: { id: m.id, resolvedAt: null }, data: { resolvedAt: now, updatedAt: now } });
      if (count !== 1) throw new AlreadyDone();
      const updateCode = newStatusCode();
      await tx.statusIncidentUpdate.create({
        data: { code: updateCode, incidentId: m.id, status: "completed", body: MAINTENANCE_COMPLETED_BODY, createdAt: now, displayAt: now },
      });
      await recordOrAbort(tx, m.pageId, m.id, "maintenance_completed", getStatusEventKey("maintenance_completed", m.code, ""), updateCode, now);
      await touchStatusPage(tx, m.pageId, now);
    });
    if (done) completed++;
  }
  return completed;
}

/** Both transitions, starts first (a window that passed while no worker ran starts, then ends). */
export async function advanceMaintenances(now = new Date()): Promise<{ started: number; completed: number }> {
  const started = await startDueMaintenances(now);
  const completed = await completeDueMaintenances(now);
  return { started, completed };
}
