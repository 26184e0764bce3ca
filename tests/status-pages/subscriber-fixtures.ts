// Rows and a loopback front for the subscriber tests: a page with one component, incidents and
// updates written the way the incident verbs write them (update row, event in the same
// transaction), and an HTTP server that routes /status/<slug>/... to handleSubscriberRoute as the
// page router does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb, type StatusIncident, type StatusPage } from "../../lib/db";
import { eventForUpdate, getStatusEventKey, newStatusCode, recordStatusEvent, touchStatusPage } from "../../lib/status-pages/events";
import { handleSubscriberRoute } from "../../lib/status-pages/subscriber-routes";
import { createCheck, createFixtures } from "../fixtures";

export const STATUS_TABLES = ["status_deliveries", "status_events", "status_subscribers", "status_incident_components", "status_incident_updates", "status_incidents", "status_components", "status_pages"];

export async function resetStatusTables(): Promise<void> {
  for (const table of STATUS_TABLES) await getDb().$executeRawUnsafe(`DELETE FROM ${table}`);
}

export async function createStatusPageFixture(slug = "acme") {
  const fixtures = await createFixtures();
  const check = await createCheck(fixtures.project.id, { name: "API" });
  const db = getDb();
  const page = await db.statusPage.create({ data: { code: newStatusCode(), projectId: fixtures.project.id, slug, title: "Acme Status" } });
  const component = await db.statusComponent.create({ data: { code: newStatusCode(), pageId: page.id, checkId: check.id, name: "API" } });
  return { ...fixtures, check, page, component };
}

/** Posts an update the way the incident verbs do: the update row and its event in one transaction. */
export async function postUpdate(incident: StatusIncident, status: string, body: string, at = new Date()): Promise<string> {
  return getDb().$transaction(async (tx) => {
    const isFirst = (await tx.statusIncidentUpdate.count({ where: { incidentId: incident.id } })) === 0;
    const code = newStatusCode();
    await tx.statusIncidentUpdate.create({ data: { code, incidentId: incident.id, status, body, createdAt: at, displayAt: at } });
    if (status === "resolved") await tx.statusIncident.update({ where: { id: incident.id }, data: { resolvedAt: at } });
    const kind = eventForUpdate(incident.kind === "maintenance" ? "maintenance" : "incident", status, isFirst);
    if (kind) await recordStatusEvent(tx, { pageId: incident.pageId, incidentId: incident.id, kind, key: getStatusEventKey(kind, incident.code, code), updateCode: code, createdAt: at });
    await touchStatusPage(tx, incident.pageId, at);
    return code;
  });
}

export async function createIncident(page: StatusPage, componentId: number, name: string, body: string, at = new Date()): Promise<StatusIncident> {
  const incident = await getDb().statusIncident.create({
    data: { code: newStatusCode(), pageId: page.id, name, impact: "major", startedAt: at, createdAt: at, updatedAt: at, components: { create: { componentId, status: "major_outage" } } },
  });
  await postUpdate(incident, "investigating", body, at);
  return incident;
}

export async function createMaintenance(page: StatusPage, componentId: number, from: Date, until: Date, at = new Date()): Promise<StatusIncident> {
  const maintenance = await getDb().statusIncident.create({
    data: {
      code: newStatusCode(),
      pageId: page.id,
      kind: "maintenance",
      name: "Database upgrade",
      impact: "maintenance",
      scheduledFor: from,
      scheduledUntil: until,
      startedAt: from,
      createdAt: at,
      updatedAt: at,
      components: { create: { componentId, status: "under_maintenance" } },
    },
  });
  await postUpdate(maintenance, "scheduled", "We will upgrade the database.", at);
  return maintenance;
}

export interface PageFront {
  url: (slug: string) => string;
  close(): Promise<void>;
}

/** A loopback server answering /status/<slug>/<subpath> through handleSubscriberRoute (404 otherwise). */
export async function startPageFront(): Promise<PageFront> {
  let origin = "";
  const server = http.createServer((req, res) => {
    const [pathname, query = ""] = (req.url ?? "/").split("?", 2);
    const m = /^\/status\/([a-z0-9-]+)(\/.*)?$/.exec(pathname);
    const reply404 = () => {
      res.writeHead(404);
      res.end("not found");
    };
    if (!m) return reply404();
    getDb()
      .statusPage.findUnique({ where: { slug: m[1] } })
      .then(async (page) => {
        if (!page) return reply404();
        const handled = await handleSubscriberRoute(req, res, { page, baseUrl: `${origin}/status/${page.slug}`, subpath: m[2] ?? "", query });
        if (!handled) reply404();
      })
      .catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (slug) => `${origin}/status/${slug}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that contains `part`. */
export function findLink(text: string, part: string): string {
  const link = text.split(/\s+/).find((w) => w.startsWith("http") && w.includes(part));
  if (!link) throw new Error(`no link with ${part} in:\n${text}`);
  return link;
}
