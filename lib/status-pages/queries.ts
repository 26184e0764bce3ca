// Reads of status pages for the people who manage them (the web app's list and edit pages,
// the management API): plain serialisable objects, times as ISO 8601 texts, never the page's
// password hash. The public page reads its own snapshot, not these.
import type { Actor } from "../auth/actor";
import { getDb, type Tx } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { requireIncidentAccess, requireStatusPageAccess, requireStatusProjectAccess } from "./access";
import type { AffectedComponent } from "./incident-writes";
import type { ComponentStatus, IncidentKind, PageAccess, PageTheme } from "./types";

export interface StatusComponentView {
  code: string;
  checkCode: string;
  checkName: string;
  name: string;
  description: string;
  group: string;
  position: number;
}

export interface StatusPageView {
  code: string;
  slug: string;
  /** <SITE_ROOT>/status/<slug> */
  url: string;
  title: string;
  description: string;
  logoUrl: string;
  theme: PageTheme;
  timeZone: string;
  customDomain: string | null;
  access: PageAccess;
  hasPassword: boolean;
  autoIncidents: boolean;
  createdAt: string;
  updatedAt: string;
  components: StatusComponentView[];
  counts: { components: number; openIncidents: number; upcomingMaintenances: number; confirmedSubscribers: number };
}

export interface IncidentUpdateView {
  code: string;
  status: string;
  body: string;
  createdAt: string;
  displayAt: string;
  affected: AffectedComponent[];
}

export interface IncidentView {
  code: string;
  pageCode: string;
  kind: IncidentKind;
  name: string;
  /** The latest update's status. */
  status: string;
  impact: string;
  auto: boolean;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  startedAt: string;
  monitoringAt: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Newest first, as Statuspage lists them. */
  updates: IncidentUpdateView[];
  components: { code: string; checkCode: string; name: string; status: ComponentStatus }[];
}

type Client = Tx | ReturnType<typeof getDb>;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function statusPageUrl(slug: string): string {
  return `${getEnv().siteRoot}/status/${slug}`;
}

async function loadPageViews(db: Client, where: { projectId: number } | { id: number }, now: Date): Promise<StatusPageView[]> {
  const pages = await db.statusPage.findMany({
    where,
    orderBy: [{ title: "asc" }, { id: "asc" }],
    include: {
      components: { orderBy: [{ position: "asc" }, { id: "asc" }], include: { check: { select: { code: true, name: true } } } },
      _count: { select: { components: true } },
    },
  });
  const ids = pages.map((p) => p.id);
  const [open, upcoming, subscribers] = await Promise.all([
    db.statusIncident.groupBy({ by: ["pageId"], where: { pageId: { in: ids }, kind: "incident", resolvedAt: null }, _count: { _all: true } }),
    db.statusIncident.groupBy({ by: ["pageId"], where: { pageId: { in: ids }, kind: "maintenance", resolvedAt: null, scheduledUntil: { gt: now } }, _count: { _all: true } }),
    db.statusSubscriber.groupBy({ by: ["pageId"], where: { pageId: { in: ids }, confirmedAt: { not: null } }, _count: { _all: true } }),
  ]);
  const count = (rows: { pageId: number; _count: { _all: number } }[], id: number) => rows.find((r) => r.pageId === id)?._count._all ?? 0;
  return pages.map((p) => ({
    code: p.code,
    slug: p.slug,
    url: statusPageUrl(p.slug),
    title: p.title,
    description: p.description,
    logoUrl: p.logoUrl,
    theme: p.theme as PageTheme,
    timeZone: p.timeZone,
    customDomain: p.customDomain,
    access: p.access as PageAccess,
    hasPassword: p.passwordHash !== "",
    autoIncidents: p.autoIncidents,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
    components: p.components.map((c) => ({
      code: c.code,
      checkCode: c.check.code,
      checkName: c.check.name,
      name: c.name,
      description: c.description,
      group: c.groupName,
      position: c.position,
    })),
    counts: {
      components: p._count.components,
      openIncidents: count(open, p.id),
      upcomingMaintenances: count(upcoming, p.id),
      confirmedSubscribers: count(subscribers, p.id),
    },
  }));
}

/** The project's status pages, by title. Throws AppError on access ("read"). */
export async function listStatusPages({ actor, projectCode, now = new Date() }: { actor: Actor; projectCode: string; now?: Date }): Promise<StatusPageView[]> {
  const db = getDb();
  const { project } = await requireStatusProjectAccess(actor, projectCode, "read", db);
  return loadPageViews(db, { projectId: project.id }, now);
}

/** One page with its components and counts; `canEdit` says whether the actor may change it. */
export async function findStatusPage({
  actor,
  pageCode,
  now = new Date(),
}: {
  actor: Actor;
  pageCode: string;
  now?: Date;
}): Promise<StatusPageView & { projectCode: string; canEdit: boolean }> {
  const db = getDb();
  const { page, project } = await requireStatusPageAccess(actor, pageCode, "read", db);
  const [view] = await loadPageViews(db, { id: page.id }, now);
  let canEdit = true;
  try {
    await requireStatusPageAccess(actor, pageCode, "edit", db);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    canEdit = false;
  }
  return { ...view, projectCode: project.code, canEdit };
}

const INCIDENT_INCLUDE = {
  page: { select: { code: true } },
  updates: { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }] },
  components: { include: { component: { select: { code: true, name: true, position: true, check: { select: { code: true } } } } } },
};

type IncidentRow = NonNullable<Awaited<ReturnType<typeof loadIncident>>>;

function loadIncident(db: Client, id: number) {
  return db.statusIncident.findUnique({ where: { id }, include: INCIDENT_INCLUDE });
}

function parseAffected(json: string): AffectedComponent[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as AffectedComponent[]) : [];
  } catch {
    return [];
  }
}

export function toIncidentView(row: IncidentRow): IncidentView {
  return {
    code: row.code,
    pageCode: row.page.code,
    kind: row.kind as IncidentKind,
    name: row.name,
    status: row.updates[0]?.status ?? (row.kind === "maintenance" ? "scheduled" : "investigating"),
    impact: row.impact,
    auto: row.auto,
    scheduledFor: isoOrNull(row.scheduledFor),
    scheduledUntil: isoOrNull(row.scheduledUntil),
    startedAt: iso(row.startedAt),
    monitoringAt: isoOrNull(row.monitoringAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    updates: row.updates.map((u) => ({
      code: u.code,
      status: u.status,
      body: u.body,
      createdAt: iso(u.createdAt),
      displayAt: iso(u.displayAt),
      affected: parseAffected(u.affected),
    })),
    components: [...row.components]
      .sort((a, b) => a.component.position - b.component.position)
      .map((c) => ({ code: c.component.code, checkCode: c.component.check.code, name: c.component.name, status: c.status as ComponentStatus })),
  };
}

/**
 * A page's incidents or maintenances (`kind`), newest first (maintenances by their start),
 * at most `limit` (default 50, at most 500). Throws AppError on access ("read").
 */
export async function listIncidents({
  actor,
  pageCode,
  kind = "incident",
  limit = 50,
}: {
  actor: Actor;
  pageCode: string;
  kind?: IncidentKind;
  limit?: number;
}): Promise<IncidentView[]> {
  const db = getDb();
  const { page } = await requireStatusPageAccess(actor, pageCode, "read", db);
  const rows = await db.statusIncident.findMany({
    where: { pageId: page.id, kind },
    orderBy: kind === "maintenance" ? [{ scheduledFor: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.max(1, Math.min(500, Math.floor(limit))),
    include: INCIDENT_INCLUDE,
  });
  return rows.map(toIncidentView);
}

/** One incident or maintenance with its updates and components. Throws AppError on access ("read"). */
export async function findIncident({ actor, incidentCode }: { actor: Actor; incidentCode: string }): Promise<IncidentView> {
  const db = getDb();
  const { incident } = await requireIncidentAccess(actor, incidentCode, "read", db);
  return toIncidentView((await loadIncident(db, incident.id))!);
}
