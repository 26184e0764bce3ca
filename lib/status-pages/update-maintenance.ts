import type { Actor } from "../auth/actor";
import { inTransaction, type StatusIncident, type Tx } from "../db";
import { requireIncidentAccess } from "./access";
import { touchStatusPage } from "./events";
import { bad, findPageComponents, setComponentStatuses } from "./incident-writes";
import { checkWindow, parseMaintenance } from "./maintenance-input";
import type { MaintenanceInput } from "./types";

export interface UpdateMaintenanceOptions {
  actor: Actor;
  incidentCode: string;
  /** Fields left out stay as they are; `components`, when given, is the whole new list. */
  input: Partial<MaintenanceInput> | Record<string, unknown>;
  tx?: Tx;
  now?: Date;
}

/**
 * Changes a maintenance's name, text (its "scheduled" announcement), window or components.
 * It is a correction, not news: no update is posted and subscribers hear nothing. Throws
 * AppError: access, "bad_request" for an incident that is not a maintenance or invalid input.
 */
export async function updateMaintenance({ actor, incidentCode, input, tx, now = new Date() }: UpdateMaintenanceOptions): Promise<StatusIncident> {
  const parsed = parseMaintenance(input, { partial: true });
  return inTransaction(tx, async (tx) => {
    const { incident } = await requireIncidentAccess(actor, incidentCode, "edit", tx);
    if (incident.kind !== "maintenance") throw bad("", "this is an incident, not a maintenance");
    const scheduledFor = parsed.scheduledFor ?? incident.scheduledFor!;
    const scheduledUntil = parsed.scheduledUntil ?? incident.scheduledUntil!;
    checkWindow(scheduledFor, scheduledUntil);
    await tx.statusIncident.update({
      where: { id: incident.id },
      data: {
        name: parsed.name,
        scheduledFor,
        scheduledUntil,
        startedAt: incident.startedAt.getTime() === incident.scheduledFor?.getTime() ? scheduledFor : undefined,
        updatedAt: now,
      },
    });
    if (parsed.body !== undefined) {
      const first = await tx.statusIncidentUpdate.findFirst({ where: { incidentId: incident.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      if (first) await tx.statusIncidentUpdate.update({ where: { id: first.id }, data: { body: parsed.body } });
    }
    if (parsed.components) {
      const components = await findPageComponents(tx, incident.pageId, parsed.components);
      const keep = components.map((c) => c.id);
      await tx.statusIncidentComponent.deleteMany({ where: { incidentId: incident.id, componentId: { notIn: keep } } });
      const status = incident.resolvedAt ? "operational" : "under_maintenance";
      await setComponentStatuses(tx, incident.id, components.map((component) => ({ component, status })));
    }
    await touchStatusPage(tx, incident.pageId, now);
    return tx.statusIncident.findUniqueOrThrow({ where: { id: incident.id } });
  });
}
