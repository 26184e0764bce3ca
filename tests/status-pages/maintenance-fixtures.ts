// Status-page rows for the maintenance and uptime suites, written directly: these suites test
// what the alerts, the check page and the uptime bars make of the rows, not the verbs that write them.
import { randomUUID } from "node:crypto";
import { getDb } from "../../lib/db";

/** Empties the status-page tables (the shared reset leaves them to the projects' cascade). */
export async function resetStatusPages(): Promise<void> {
  const db = getDb();
  for (const table of ["status_deliveries", "status_events", "status_subscribers", "status_incident_updates", "status_incident_components", "status_incidents", "status_components", "status_pages"]) {
    await db.$executeRawUnsafe(`DELETE FROM ${table}`);
  }
}

export async function createStatusPage(projectId: number, data: { timeZone?: string } = {}) {
  const code = randomUUID();
  return getDb().statusPage.create({ data: { code, projectId, slug: `page-${code.slice(0, 8)}`, title: "Status", ...data } });
}

/** Shows the checks on the page, one component each; returns component ids by check id. */
export async function addComponents(pageId: number, checkIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const [position, checkId] of checkIds.entries()) {
    const c = await getDb().statusComponent.create({ data: { code: randomUUID(), pageId, checkId, name: `Component ${checkId}`, position } });
    out.set(checkId, c.id);
  }
  return out;
}

async function componentIds(pageId: number, checkIds: number[]): Promise<number[]> {
  const rows = await getDb().statusComponent.findMany({ where: { pageId, checkId: { in: checkIds } }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function createMaintenance(
  pageId: number,
  checkIds: number[],
  scheduledFor: Date,
  scheduledUntil: Date,
  data: { resolvedAt?: Date | null; name?: string } = {},
) {
  return getDb().statusIncident.create({
    data: {
      code: randomUUID(),
      pageId,
      kind: "maintenance",
      impact: "maintenance",
      name: data.name ?? "Database upgrade",
      scheduledFor,
      scheduledUntil,
      startedAt: scheduledFor,
      resolvedAt: data.resolvedAt ?? null,
      components: { create: (await componentIds(pageId, checkIds)).map((componentId) => ({ componentId, status: "under_maintenance" })) },
    },
  });
}

export async function createIncident(
  pageId: number,
  checkIds: number[],
  startedAt: Date,
  resolvedAt: Date | null,
  data: { name?: string; impact?: string } = {},
) {
  return getDb().statusIncident.create({
    data: {
      code: randomUUID(),
      pageId,
      kind: "incident",
      impact: data.impact ?? "major",
      name: data.name ?? "Outage",
      startedAt,
      resolvedAt,
      components: { create: (await componentIds(pageId, checkIds)).map((componentId) => ({ componentId })) },
    },
  });
}
