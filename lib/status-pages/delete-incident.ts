import type { Actor } from "../auth/actor";
import { inTransaction, type StatusIncident, type Tx } from "../db";
import { requireIncidentAccess } from "./access";
import { touchStatusPage } from "./events";

export interface DeleteIncidentOptions {
  actor: Actor;
  /** An incident's or a maintenance's code. */
  incidentCode: string;
  tx?: Tx;
  now?: Date;
}

/**
 * Deletes an incident or a maintenance with its updates, its component links and its events
 * (pending deliveries of those events go too). Returns it as it was. Throws AppError on access.
 */
export async function deleteIncident({ actor, incidentCode, tx, now = new Date() }: DeleteIncidentOptions): Promise<StatusIncident> {
  return inTransaction(tx, async (tx) => {
    const { incident } = await requireIncidentAccess(actor, incidentCode, "edit", tx);
    await tx.statusIncident.delete({ where: { id: incident.id } });
    await touchStatusPage(tx, incident.pageId, now);
    return incident;
  });
}
