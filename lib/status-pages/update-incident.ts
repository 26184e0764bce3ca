import type { Actor } from "../auth/actor";
import { inTransaction, type StatusIncident, type Tx } from "../db";
import { requireIncidentAccess } from "./access";
import { touchStatusPage } from "./events";
import { bad, parseEnum, parseName } from "./incident-writes";
import { IMPACTS } from "./types";

export interface UpdateIncidentOptions {
  actor: Actor;
  incidentCode: string;
  /** A new name or impact; fields left out stay. News goes in an update, not here. */
  input: { name?: string; impact?: string } | Record<string, unknown>;
  tx?: Tx;
  now?: Date;
}

/**
 * Corrects an incident's name or impact. It is not news: no update is posted and subscribers
 * hear nothing (createIncidentUpdate is how a status changes). Throws AppError: access,
 * "bad_request" for invalid input or a maintenance (whose impact is always "maintenance").
 */
export async function updateIncident({ actor, incidentCode, input, tx, now = new Date() }: UpdateIncidentOptions): Promise<StatusIncident> {
  const raw = input as Record<string, unknown>;
  const name = raw.name === undefined ? undefined : parseName(raw.name);
  const impact = raw.impact === undefined ? undefined : parseEnum(raw.impact, "impact", IMPACTS);
  return inTransaction(tx, async (tx) => {
    const { incident } = await requireIncidentAccess(actor, incidentCode, "edit", tx);
    if (impact !== undefined && incident.kind === "maintenance") throw bad("impact", "a maintenance has no impact to change");
    if (name === undefined && impact === undefined) return incident;
    const updated = await tx.statusIncident.update({ where: { id: incident.id }, data: { name, impact, updatedAt: now } });
    await touchStatusPage(tx, incident.pageId, now);
    return updated;
  });
}
