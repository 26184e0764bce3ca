// Vigil's status-page endpoints (API v3 only; Healthchecks has none): pages with their
// components, incidents with their updates, and scheduled maintenances, in Statuspage's field
// names where Statuspage has one (incident_updates, affected_components, scheduled_for…), so
// scripts written for Statuspage's manage API need few changes. Ids are the 12-character public
// codes; checks are named by their UUID.
import { formatIso } from "../compat/python";
import { AppError } from "../errors";
import { cancelMaintenance } from "../status-pages/cancel-maintenance";
import { createIncident } from "../status-pages/create-incident";
import { createIncidentUpdate } from "../status-pages/create-incident-update";
import { createMaintenance } from "../status-pages/create-maintenance";
import { createStatusPage } from "../status-pages/create-status-page";
import { deleteIncident } from "../status-pages/delete-incident";
import { deleteStatusPage } from "../status-pages/delete-status-page";
import {
  findIncident,
  findStatusPage,
  listIncidents,
  listStatusPages,
  type IncidentView,
  type StatusPageView,
} from "../status-pages/queries";
import { updateIncident } from "../status-pages/update-incident";
import { updateMaintenance } from "../status-pages/update-maintenance";
import { updateStatusPage } from "../status-pages/update-status-page";
import type { Actor } from "../auth/actor";
import { authorize, jsonResponse, type ApiContext } from "./protocol";

const time = (iso: string | null) => (iso === null ? null : formatIso(new Date(iso)));

/** A page as the API answers it; never its password. */
export function pageToDict(page: StatusPageView): Record<string, unknown> {
  return {
    id: page.code,
    slug: page.slug,
    url: page.url,
    title: page.title,
    description: page.description,
    logo_url: page.logoUrl,
    theme: page.theme,
    time_zone: page.timeZone,
    custom_domain: page.customDomain,
    access: page.access,
    auto_incidents: page.autoIncidents,
    components: page.components.map((c) => ({
      id: c.code,
      check: c.checkCode,
      name: c.name,
      description: c.description,
      group: c.group,
      position: c.position,
    })),
    created_at: time(page.createdAt),
    updated_at: time(page.updatedAt),
  };
}

/** An incident or maintenance in Statuspage's shape. */
export function incidentToDict(incident: IncidentView): Record<string, unknown> {
  const dict: Record<string, unknown> = {
    id: incident.code,
    name: incident.name,
    status: incident.status,
    impact: incident.impact,
    auto: incident.auto,
    created_at: time(incident.createdAt),
    updated_at: time(incident.updatedAt),
    started_at: time(incident.startedAt),
    monitoring_at: time(incident.monitoringAt),
    resolved_at: time(incident.resolvedAt),
  };
  if (incident.kind === "maintenance") {
    dict.scheduled_for = time(incident.scheduledFor);
    dict.scheduled_until = time(incident.scheduledUntil);
  }
  dict.incident_updates = incident.updates.map((u) => ({
    id: u.code,
    status: u.status,
    body: u.body,
    created_at: time(u.createdAt),
    display_at: time(u.displayAt),
    affected_components: u.affected,
  }));
  dict.components = incident.components.map((c) => ({ id: c.code, check: c.checkCode, name: c.name, status: c.status }));
  return dict;
}

async function pageResponse(actor: Actor, pageCode: string, status = 200): Promise<Response> {
  return jsonResponse(pageToDict(await findStatusPage({ actor, pageCode })), status);
}

/**
 * The incident (or maintenance) named in the path, read through the verb, which must be on the
 * page named in the path and of the kind the path says: anything else is the same empty 404.
 */
async function findPageIncident(actor: Actor, ctx: ApiContext, kind: "incident" | "maintenance"): Promise<IncidentView> {
  const incident = await findIncident({ actor, incidentCode: ctx.params.incident });
  if (incident.pageCode !== ctx.params.page || incident.kind !== kind) throw new AppError("not_found", "");
  return incident;
}

/** GET status-pages/: the project's pages. */
export async function listStatusPagesHandler(req: Request): Promise<Response> {
  const { actor, project } = await authorize(req, "read");
  const pages = await listStatusPages({ actor, projectCode: project.code });
  return jsonResponse({ status_pages: pages.map(pageToDict) });
}

/** POST status-pages/: creates a page (201). */
export async function createStatusPageHandler(req: Request): Promise<Response> {
  const { actor, project, json } = await authorize(req, "write");
  const page = await createStatusPage({ actor, projectCode: project.code, spec: json });
  return pageResponse(actor, page.code, 201);
}

/** GET status-pages/<id>. */
export async function getStatusPageHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  return pageResponse(actor, ctx.params.page);
}

/** POST status-pages/<id>: fields left out stay; "components" replaces the list. */
export async function updateStatusPageHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  await updateStatusPage({ actor, pageCode: ctx.params.page, spec: json });
  return pageResponse(actor, ctx.params.page);
}

/** DELETE status-pages/<id>: answers with the page as it was just before. */
export async function deleteStatusPageHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const before = await findStatusPage({ actor, pageCode: ctx.params.page });
  await deleteStatusPage({ actor, pageCode: ctx.params.page });
  return jsonResponse(pageToDict(before));
}

function parseLimit(req: Request): number {
  const raw = new URL(req.url).searchParams.get("limit");
  if (raw === null) return 50;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 500) throw new AppError("bad_request", "limit must be a number from 1 to 500");
  return Number(raw);
}

/** GET status-pages/<id>/incidents: newest first, ?limit= (default 50, at most 500). */
export async function listIncidentsHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  const incidents = await listIncidents({ actor, pageCode: ctx.params.page, kind: "incident", limit: parseLimit(req) });
  return jsonResponse({ incidents: incidents.map(incidentToDict) });
}

/** POST status-pages/<id>/incidents: {"name", "status", "impact", "body", "components": {"<check uuid>": "<status>"}} → 201. */
export async function createIncidentHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  const incident = await createIncident({ actor, pageCode: ctx.params.page, input: json });
  return jsonResponse(incidentToDict(await findIncident({ actor, incidentCode: incident.code })), 201);
}

/** GET status-pages/<id>/incidents/<incident id>. */
export async function getIncidentHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  return jsonResponse(incidentToDict(await findPageIncident(actor, ctx, "incident")));
}

/**
 * POST status-pages/<id>/incidents/<incident id>: corrects "name" and "impact"; with a
 * "status", also posts an update ({"status", "body", "components"}) as the updates route does.
 */
export async function updateIncidentHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  await findPageIncident(actor, ctx, "incident");
  const { name, impact, status, body, components } = json;
  await updateIncident({ actor, incidentCode: ctx.params.incident, input: { name, impact } });
  if (status !== undefined) await createIncidentUpdate({ actor, incidentCode: ctx.params.incident, input: { status, body, components } });
  return jsonResponse(incidentToDict(await findIncident({ actor, incidentCode: ctx.params.incident })));
}

/** DELETE status-pages/<id>/incidents/<incident id>: answers with the incident as it was. */
export async function deleteIncidentHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const before = await findPageIncident(actor, ctx, "incident");
  await deleteIncident({ actor, incidentCode: before.code });
  return jsonResponse(incidentToDict(before));
}

/** POST status-pages/<id>/incidents/<incident id>/updates: {"status", "body", "components"?} → 201 with the incident. */
export async function createIncidentUpdateHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  await findPageIncident(actor, ctx, "incident");
  await createIncidentUpdate({ actor, incidentCode: ctx.params.incident, input: json });
  return jsonResponse(incidentToDict(await findIncident({ actor, incidentCode: ctx.params.incident })), 201);
}

/** GET status-pages/<id>/maintenances: latest window first, ?limit=. */
export async function listMaintenancesHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  const list = await listIncidents({ actor, pageCode: ctx.params.page, kind: "maintenance", limit: parseLimit(req) });
  return jsonResponse({ scheduled_maintenances: list.map(incidentToDict) });
}

/** POST status-pages/<id>/maintenances: {"name", "body", "scheduled_for", "scheduled_until", "components": [uuid…]} → 201. */
export async function createMaintenanceHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  const maintenance = await createMaintenance({ actor, pageCode: ctx.params.page, input: json });
  return jsonResponse(incidentToDict(await findIncident({ actor, incidentCode: maintenance.code })), 201);
}

/** GET status-pages/<id>/maintenances/<id>. */
export async function getMaintenanceHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "read");
  return jsonResponse(incidentToDict(await findPageIncident(actor, ctx, "maintenance")));
}

/**
 * POST status-pages/<id>/maintenances/<id>: changes name, body, window or components; with
 * "status": "completed", ends it now (cancelled, or over early).
 */
export async function updateMaintenanceHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  await findPageIncident(actor, ctx, "maintenance");
  const { status, ...rest } = json;
  delete rest.api_key;
  if (status !== undefined && status !== "completed") throw new AppError("bad_request", "status can only be set to completed here", { field: "status" });
  if (Object.keys(rest).length > 0) await updateMaintenance({ actor, incidentCode: ctx.params.incident, input: rest });
  if (status === "completed") await cancelMaintenance({ actor, incidentCode: ctx.params.incident });
  return jsonResponse(incidentToDict(await findIncident({ actor, incidentCode: ctx.params.incident })));
}

/** DELETE status-pages/<id>/maintenances/<id>: removes it; answers with it as it was. */
export async function deleteMaintenanceHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const before = await findPageIncident(actor, ctx, "maintenance");
  await deleteIncident({ actor, incidentCode: before.code });
  return jsonResponse(incidentToDict(before));
}
