import type { Actor } from "../auth/actor";
import { inTransaction, type StatusIncident, type Tx } from "../db";
import { requireStatusPageAccess } from "./access";
import { newStatusCode } from "./events";
import { findPageComponents, parseBody, parseComponentStatuses, parseEnum, parseName, postUpdate, setComponentStatuses } from "./incident-writes";
import { IMPACTS, INCIDENT_STATUSES, type ComponentStatus, type Impact, type IncidentInput } from "./types";

export interface CreateIncidentOptions {
  actor: Actor;
  pageCode: string;
  /** From the web app or the API's JSON: checked here, whatever its type says. */
  input: IncidentInput | Record<string, unknown>;
  /** Opened by a check going down (the page's auto_incidents). */
  auto?: boolean;
  tx?: Tx;
  now?: Date;
}

/** Statuspage's default impact when none is given: the worst component status it names. */
function impactOf(statuses: ComponentStatus[]): Impact {
  if (statuses.includes("major_outage")) return "major";
  if (statuses.includes("partial_outage") || statuses.includes("degraded_performance")) return "minor";
  return "none";
}

/**
 * Opens an incident on a page with its first update (status "investigating" unless given) and
 * the components it affects, and records the "incident_created" event. Throws AppError: access,
 * "bad_request" for a missing name, an unknown status or impact, or a check that is not a
 * component of the page.
 */
export async function createIncident({ actor, pageCode, input, auto = false, tx, now = new Date() }: CreateIncidentOptions): Promise<StatusIncident> {
  const raw = input as Record<string, unknown>;
  const name = parseName(raw.name);
  const status = raw.status === undefined || raw.status === null ? "investigating" : parseEnum(raw.status, "status", INCIDENT_STATUSES);
  const body = parseBody(raw.body);
  const statuses = parseComponentStatuses(raw.components);
  const impact = raw.impact === undefined || raw.impact === null ? impactOf([...statuses.values()]) : parseEnum(raw.impact, "impact", IMPACTS);
  return inTransaction(tx, async (tx) => {
    const { page } = await requireStatusPageAccess(actor, pageCode, "edit", tx);
    const components = await findPageComponents(tx, page.id, [...statuses.keys()]);
    const resolved = status === "resolved" || status === "postmortem";
    const incident = await tx.statusIncident.create({
      data: {
        code: newStatusCode(),
        pageId: page.id,
        kind: "incident",
        name,
        impact,
        auto,
        startedAt: now,
        monitoringAt: status === "monitoring" ? now : null,
        resolvedAt: resolved ? now : null,
        createdAt: now,
        updatedAt: now,
      },
    });
    // An incident posted already resolved (written up afterwards) leaves its components fine.
    const affected = await setComponentStatuses(
      tx,
      incident.id,
      components.map((component) => ({ component, status: resolved ? "operational" : statuses.get(component.checkCode)! })),
    );
    await postUpdate(tx, incident, { status, body, affected, isFirst: true }, now);
    return tx.statusIncident.findUniqueOrThrow({ where: { id: incident.id } });
  });
}
