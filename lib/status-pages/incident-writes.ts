// The steps every incident and maintenance write shares: checking the text and statuses given,
// finding the page's components by check UUID, and posting an update (its affected
// components as Statuspage lists them, the subscribers' event, the page's change mark).
import type { StatusIncident, Tx } from "../db";
import { AppError } from "../errors";
import { eventForUpdate, getStatusEventKey, newStatusCode, recordStatusEvent, touchStatusPage } from "./events";
import { COMPONENT_STATUSES, type ComponentStatus, type IncidentKind } from "./types";

export const MAX_INCIDENT_NAME = 200;
export const MAX_UPDATE_BODY = 10_000;

/** One of Statuspage's affected_components entries, as stored in the update's JSON. */
export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

export function bad(field: string, message: string): AppError {
  return new AppError("bad_request", message, { field });
}

export function parseName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw bad("name", "name is required");
  if (value.trim().length > MAX_INCIDENT_NAME) throw bad("name", `name is too long (at most ${MAX_INCIDENT_NAME} characters)`);
  return value.trim();
}

export function parseBody(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw bad("body", "body is not a string");
  if (value.length > MAX_UPDATE_BODY) throw bad("body", `body is too long (at most ${MAX_UPDATE_BODY} characters)`);
  return value.trim();
}

export function parseEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw bad(field, `${field} must be one of: ${allowed.join(", ")}`);
  }
  return value as T;
}

export interface PageComponentRef {
  id: number;
  code: string;
  name: string;
  checkCode: string;
}

/**
 * The page's components for the given check UUIDs, in the order given. Throws a 400 naming a
 * check that is not a component of the page.
 */
export async function findPageComponents(tx: Tx, pageId: number, checkCodes: string[]): Promise<PageComponentRef[]> {
  if (checkCodes.length === 0) return [];
  const rows = await tx.statusComponent.findMany({
    where: { pageId, check: { code: { in: checkCodes } } },
    select: { id: true, code: true, name: true, check: { select: { code: true } } },
  });
  const byCheck = new Map(rows.map((r) => [r.check.code, { id: r.id, code: r.code, name: r.name, checkCode: r.check.code }]));
  return checkCodes.map((code) => {
    const found = byCheck.get(code);
    if (!found) throw bad("components", `check ${typeof code === "string" ? code : ""} is not a component of this page`);
    return found;
  });
}

/** `{ "<check uuid>": "<component status>" }` checked: an object of known statuses. */
export function parseComponentStatuses(value: unknown): Map<string, ComponentStatus> {
  const out = new Map<string, ComponentStatus>();
  if (value === undefined || value === null) return out;
  if (typeof value !== "object" || Array.isArray(value)) throw bad("components", "components must be an object of check UUIDs and component statuses");
  for (const [check, status] of Object.entries(value as Record<string, unknown>)) {
    out.set(check, parseEnum(status, `components.${check}`, COMPONENT_STATUSES));
  }
  return out;
}

/**
 * Sets the status the incident gives each component (adding components it did not affect
 * yet) and returns Statuspage's affected_components for the change. A component whose status
 * does not change is left out.
 */
export async function setComponentStatuses(
  tx: Tx,
  incidentId: number,
  changes: { component: PageComponentRef; status: ComponentStatus }[],
): Promise<AffectedComponent[]> {
  const current = await tx.statusIncidentComponent.findMany({ where: { incidentId } });
  const byComponent = new Map(current.map((c) => [c.componentId, c]));
  const affected: AffectedComponent[] = [];
  for (const { component, status } of changes) {
    const row = byComponent.get(component.id);
    // A component the incident did not name yet was, as far as this incident knows, fine.
    const old = (row?.status ?? "operational") as ComponentStatus;
    if (row && row.status === status) continue;
    if (row) await tx.statusIncidentComponent.update({ where: { id: row.id }, data: { status } });
    else await tx.statusIncidentComponent.create({ data: { incidentId, componentId: component.id, status } });
    affected.push({ code: component.code, name: component.name, old_status: old, new_status: status });
  }
  return affected;
}

/** Every component the incident affects, back to operational (a resolved incident or a completed maintenance). */
export async function restoreComponents(tx: Tx, incidentId: number): Promise<AffectedComponent[]> {
  const rows = await tx.statusIncidentComponent.findMany({
    where: { incidentId },
    include: { component: { select: { id: true, code: true, name: true, check: { select: { code: true } } } } },
  });
  return setComponentStatuses(
    tx,
    incidentId,
    rows.map((r) => ({ component: { id: r.component.id, code: r.component.code, name: r.component.name, checkCode: r.component.check.code }, status: "operational" })),
  );
}

/**
 * Posts an update on the incident: the update row, the incident's updated_at, the event
 * subscribers hear of (when the update is one they hear of), and the page's change mark.
 * Returns the update's code.
 */
export async function postUpdate(
  tx: Tx,
  incident: Pick<StatusIncident, "id" | "code" | "pageId" | "kind">,
  update: { status: string; body: string; affected: AffectedComponent[]; isFirst: boolean; wasResolved?: boolean },
  now: Date,
): Promise<string> {
  const code = newStatusCode();
  await tx.statusIncidentUpdate.create({
    data: { code, incidentId: incident.id, status: update.status, body: update.body, affected: JSON.stringify(update.affected), createdAt: now, displayAt: now },
  });
  await tx.statusIncident.update({ where: { id: incident.id }, data: { updatedAt: now } });
  let kind = eventForUpdate(incident.kind as IncidentKind, update.status, update.isFirst);
  // A second "resolved" on a resolved incident is news, not a resolution.
  if (kind === "incident_resolved" && update.wasResolved) kind = "incident_updated";
  if (kind) await recordStatusEvent(tx, { pageId: incident.pageId, incidentId: incident.id, kind, key: getStatusEventKey(kind, incident.code, code), updateCode: code, createdAt: now });
  await touchStatusPage(tx, incident.pageId, now);
  return code;
}
