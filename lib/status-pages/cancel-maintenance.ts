import type { Actor } from "../auth/actor";
import { inTransaction, type StatusIncident, type Tx } from "../db";
import { AppError } from "../errors";
import { requireIncidentAccess } from "./access";
import { createIncidentUpdate } from "./create-incident-update";

export interface CancelMaintenanceOptions {
  actor: Actor;
  incidentCode: string;
  /** What visitors read; a plain "cancelled" note when omitted. */
  body?: string;
  tx?: Tx;
  now?: Date;
}

/**
 * Ends a maintenance now, whether it has started or not: a "completed" update, its window
 * cut at `now` and its components back to operational. Kept on the page's history (delete it
 * to remove it). Throws AppError: access, "bad_request" when it is not a maintenance or is
 * already completed.
 */
export async function cancelMaintenance({ actor, incidentCode, body, tx, now = new Date() }: CancelMaintenanceOptions): Promise<StatusIncident> {
  return inTransaction(tx, async (tx) => {
    const { incident } = await requireIncidentAccess(actor, incidentCode, "edit", tx);
    if (incident.kind !== "maintenance") throw new AppError("bad_request", "this is an incident, not a maintenance");
    if (incident.resolvedAt) throw new AppError("bad_request", "this maintenance is already completed");
    const started = incident.scheduledFor !== null && incident.scheduledFor <= now;
    const text = body ?? (started ? "This maintenance has ended early." : "This maintenance has been cancelled.");
    const { incident: done } = await createIncidentUpdate({ actor, incidentCode, input: { status: "completed", body: text }, tx, now });
    return done;
  });
}
