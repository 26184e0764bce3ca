import type { Actor } from "../auth/actor";
import { inTransaction, type StatusIncident, type Tx } from "../db";
import { requireStatusPageAccess } from "./access";
import { newStatusCode } from "./events";
import { findPageComponents, postUpdate, setComponentStatuses } from "./incident-writes";
import { parseMaintenance } from "./maintenance-input";
import type { MaintenanceInput } from "./types";

export interface CreateMaintenanceOptions {
  actor: Actor;
  pageCode: string;
  /** From the web app (Dates) or the API's JSON (ISO 8601 texts): checked here. */
  input: MaintenanceInput | Record<string, unknown>;
  tx?: Tx;
  now?: Date;
}

/**
 * Schedules a maintenance: an incident of kind "maintenance" (impact "maintenance") with its
 * window, its components (under maintenance while it runs) and a first "scheduled" update;
 * records the "maintenance_scheduled" event. Throws AppError: access, "bad_request" for a
 * missing name, a window that ends before it starts, no components or a check not on the page.
 */
export async function createMaintenance({ actor, pageCode, input, tx, now = new Date() }: CreateMaintenanceOptions): Promise<StatusIncident> {
  const parsed = parseMaintenance(input);
  return inTransaction(tx, async (tx) => {
    const { page } = await requireStatusPageAccess(actor, pageCode, "edit", tx);
    const components = await findPageComponents(tx, page.id, parsed.components!);
    const incident = await tx.statusIncident.create({
      data: {
        code: newStatusCode(),
        pageId: page.id,
        kind: "maintenance",
        name: parsed.name!,
        impact: "maintenance",
        scheduledFor: parsed.scheduledFor!,
        scheduledUntil: parsed.scheduledUntil!,
        startedAt: parsed.scheduledFor!,
        createdAt: now,
        updatedAt: now,
      },
    });
    const affected = await setComponentStatuses(tx, incident.id, components.map((component) => ({ component, status: "under_maintenance" })));
    await postUpdate(tx, incident, { status: "scheduled", body: parsed.body ?? "", affected, isFirst: true }, now);
    return tx.statusIncident.findUniqueOrThrow({ where: { id: incident.id } });
  });
}
