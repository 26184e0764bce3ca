import type { Actor } from "../auth/actor";
import { inTransaction, type StatusIncident, type StatusIncidentUpdate, type Tx } from "../db";
import { requireIncidentAccess } from "./access";
import { findPageComponents, parseBody, parseComponentStatuses, parseEnum, postUpdate, restoreComponents, setComponentStatuses } from "./incident-writes";
import { INCIDENT_STATUSES, MAINTENANCE_STATUSES, type IncidentUpdateInput } from "./types";

export interface CreateIncidentUpdateOptions {
  actor: Actor;
  incidentCode: string;
  input: IncidentUpdateInput | Record<string, unknown>;
  tx?: Tx;
  now?: Date;
}

/**
 * Posts an update on an incident (or a maintenance): its status becomes the incident's,
 * monitoring_at and resolved_at follow it, components named in `components` take their new
 * status, and a resolution (or a completed maintenance) puts every affected component back to
 * operational. Records the event subscribers hear of. Throws AppError: access, "bad_request"
 * for a status the incident's kind does not have or a check that is not on the page.
 */
export async function createIncidentUpdate({
  actor,
  incidentCode,
  input,
  tx,
  now = new Date(),
}: CreateIncidentUpdateOptions): Promise<{ incident: StatusIncident; update: StatusIncidentUpdate }> {
  const raw = input as Record<string, unknown>;
  const body = parseBody(raw.body);
  const statuses = parseComponentStatuses(raw.components);
  return inTransaction(tx, async (tx) => {
    const { incident } = await requireIncidentAccess(actor, incidentCode, "edit", tx);
    const isMaintenance = incident.kind === "maintenance";
    const status = parseEnum(raw.status, "status", isMaintenance ? MAINTENANCE_STATUSES : INCIDENT_STATUSES);
    const ends = status === "resolved" || status === "postmortem" || status === "completed";
    const components = await findPageComponents(tx, incident.pageId, [...statuses.keys()]);
    const affected = ends
      ? await restoreComponents(tx, incident.id)
      : await setComponentStatuses(tx, incident.id, components.map((component) => ({ component, status: statuses.get(component.checkCode)! })));
    const wasResolved = incident.resolvedAt !== null;
    // The window's times are what holds alerts and shows "under maintenance", so a maintenance
    // started early opens its window now and one completed early closes it now.
    let window = {};
    if (isMaintenance && incident.scheduledFor && incident.scheduledUntil) {
      if (status === "completed" && incident.scheduledUntil > now) {
        window = { scheduledUntil: now, scheduledFor: incident.scheduledFor > now ? now : incident.scheduledFor };
      } else if (status === "in_progress" && incident.scheduledFor > now) {
        window = { scheduledFor: now };
      }
    }
    await tx.statusIncident.update({
      where: { id: incident.id },
      data: {
        monitoringAt: status === "monitoring" && !incident.monitoringAt ? now : undefined,
        // Reopening (investigating after resolved) makes the incident unresolved again.
        resolvedAt: ends ? (incident.resolvedAt ?? now) : null,
        startedAt: status === "in_progress" && isMaintenance ? now : undefined,
        ...window,
      },
    });
    const code = await postUpdate(tx, incident, { status, body, affected, isFirst: false, wasResolved }, now);
    return {
      incident: await tx.statusIncident.findUniqueOrThrow({ where: { id: incident.id } }),
      update: await tx.statusIncidentUpdate.findUniqueOrThrow({ where: { code } }),
    };
  });
}
