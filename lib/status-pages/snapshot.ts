// Everything a public status page shows, read in a fixed number of queries (page, components with
// their checks' status columns, incidents and maintenances with their updates, the uptime bars),
// as plain data the renderers turn into HTML, Statuspage JSON, feeds and badges. It holds nothing
// private: no check UUID, ping URL, project code, check slug or tags, no password hash; the
// renderers cannot leak what they are not given.
import { getStatus, CHECK_TIMING_SELECT, type CheckStatus, type CheckTiming } from "../checks/status";
import { getDb, Prisma, type Db, type Tx } from "../db";
import { getEnv } from "../env";
import { getComponentStatus, getPageStatus, type PageStatus } from "./component-status";
import { isMaintenanceInProgress as isWindowInProgress } from "./maintenance-windows";
import {
  formatLocalDate,
  getIncidentStatus,
  INCIDENT_ROW_INCLUDE,
  isIncidentUnresolved,
  linkStatus,
  serializeComponents,
  type ComponentRow,
  type IncidentRow,
  type PageRef,
  type StatuspageComponent,
} from "./statuspage-json";
import type { ComponentStatus, Impact, PageAccess, PageTheme, UptimeBar } from "./types";
import { loadUptimeBars } from "./uptime-query";

export const UPTIME_DAYS = 90;
export const RECENT_INCIDENT_DAYS = 14;
/** The history page and incidents.json reach back this far, at most HISTORY_LIMIT entries. */
export const HISTORY_DAYS = 366;
export const HISTORY_LIMIT = 500;
const DAY_MS = 86_400_000;

export interface SnapshotPage {
  code: string;
  slug: string;
  title: string;
  description: string;
  logoUrl: string;
  theme: PageTheme;
  timeZone: string;
  customDomain: string | null;
  access: PageAccess;
  updatedAt: Date;
}

export interface SnapshotComponent extends ComponentRow {
  /** The 90-day bar; null when no uptime data could be read (drawn all "no data"). */
  bar: UptimeBar | null;
}

export interface PageSnapshot {
  /** The "now" the snapshot was computed for (statuses, maintenance windows, the day). */
  now: Date;
  page: SnapshotPage;
  /** The page as Statuspage's `page` object describes it (canonical URL). */
  ref: PageRef;
  status: PageStatus;
  components: SnapshotComponent[];
  /** Statuspage component objects (groups included), in page order. */
  statuspageComponents: StatuspageComponent[];
  /** Incidents and maintenances: unresolved, upcoming and the last year's; newest first. */
  incidents: IncidentRow[];
}

/** The page's canonical address: its custom domain when it has one. */
export function getPageUrl(page: { slug: string; customDomain: string | null }, siteRoot = getEnv().siteRoot): string {
  if (page.customDomain) return `${new URL(siteRoot).protocol}//${page.customDomain}`;
  return `${siteRoot.replace(/\/+$/, "")}/status/${encodeURIComponent(page.slug)}`;
}

function safeStatus(check: CheckTiming, now: Date): CheckStatus {
  try {
    return getStatus(check, now);
  } catch {
    // An unparseable schedule leaves the stored status standing rather than failing the page.
    return check.status as CheckStatus;
  }
}

/**
 * Whether a maintenance window is running at `now`: the rule that also holds its checks'
 * alerts, so the page never says "under maintenance" while alerts go out, or the reverse.
 */
export function isMaintenanceInProgress(incident: IncidentRow, now: Date): boolean {
  return incident.kind === "maintenance" && isWindowInProgress(incident, now);
}

export function isUpcomingMaintenance(incident: IncidentRow, now: Date): boolean {
  return incident.kind === "maintenance" && getIncidentStatus(incident, now) === "scheduled";
}

/** Which incidents and maintenances a page needs: unresolved, the last year's, upcoming. */
function incidentWindow(pageId: number, now: Date) {
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  return {
    pageId,
    OR: [
      { kind: "incident", resolvedAt: null },
      { createdAt: { gte: since } },
      { resolvedAt: { gte: since } },
      { kind: "maintenance", scheduledUntil: { gte: since } },
    ],
  };
}

/**
 * The degraded checks whose latest decided round has failing regions (a multi-region probe
 * failing in fewer regions than its quorum): one query, and none when no check is degraded.
 */
async function findPartialOutages(db: Db | Tx, degradedCheckIds: readonly number[]): Promise<Set<number>> {
  if (degradedCheckIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ check_id: number }[]>`
    SELECT r.check_id FROM probe_rounds r
    WHERE r.check_id IN (${Prisma.join([...degradedCheckIds])}) AND r.verdict = 'degraded' AND r.failing <> ''
      AND r.round = (SELECT MAX(x.round) FROM probe_rounds x WHERE x.check_id = r.check_id AND x.verdict <> 'nodata')`;
  return new Set(rows.map((r) => Number(r.check_id)));
}

const PAGE_SELECT = {
  id: true,
  code: true,
  slug: true,
  title: true,
  description: true,
  logoUrl: true,
  theme: true,
  timeZone: true,
  customDomain: true,
  access: true,
  updatedAt: true,
} as const;

/**
 * The page's snapshot at `now`, or null when there is no such page. Three queries (a fourth
 * when a check is degraded: is it a partial outage?) plus the uptime bars, however many
 * components and days; `bars: false` leaves the bars out (null) for readers that need only the
 * statuses (subscriber messages).
 */
export async function loadPageSnapshot(pageId: number, now: Date, db: Db | Tx = getDb(), { bars: withBars = true } = {}): Promise<PageSnapshot | null> {
  const page = await db.statusPage.findUnique({ where: { id: pageId }, select: PAGE_SELECT });
  if (!page) return null;
  const [components, incidents] = await Promise.all([
    db.statusComponent.findMany({
      where: { pageId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        code: true,
        checkId: true,
        name: true,
        description: true,
        groupName: true,
        position: true,
        createdAt: true,
        updatedAt: true,
        check: { select: CHECK_TIMING_SELECT },
      },
    }),
    db.statusIncident.findMany({
      where: incidentWindow(pageId, now),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: INCIDENT_ROW_INCLUDE,
      take: HISTORY_LIMIT,
    }),
  ]);
  const statuses = new Map(components.map((c) => [c.checkId, safeStatus(c.check, now)]));
  const partial = await findPartialOutages(db, [...new Set(components.filter((c) => statuses.get(c.checkId) === "degraded").map((c) => c.checkId))]);
  let bars = new Map<number, UptimeBar>();
  try {
    if (withBars) {
      bars = await loadUptimeBars(db, components.map((c) => ({ checkId: c.checkId, pageId })), {
        days: UPTIME_DAYS,
        timeZone: page.timeZone,
        now,
      });
    }
  } catch (err) {
    // The bars are decoration next to the page's current state: show the state without them.
    console.error(`status page ${page.slug}: uptime bars failed:`, err);
  }
  return buildSnapshot({
    page: {
      ...page,
      theme: (["light", "dark"].includes(page.theme) ? page.theme : "system") as PageTheme,
      access: (["password", "members"].includes(page.access) ? page.access : "public") as PageAccess,
    },
    components: components.map((c) => ({
      code: c.code,
      name: c.name,
      description: c.description,
      groupName: c.groupName,
      position: c.position,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      checkStatus: statuses.get(c.checkId) ?? "new",
      partialOutage: partial.has(c.checkId),
      bar: bars.get(c.checkId) ?? null,
    })),
    incidents,
    now,
  });
}

export interface SnapshotInput {
  page: SnapshotPage;
  components: (Omit<ComponentRow, "status"> & { checkStatus: CheckStatus; partialOutage?: boolean; bar: UptimeBar | null })[];
  incidents: IncidentRow[];
  now: Date;
  siteRoot?: string;
}

/** The pure half of loadPageSnapshot: statuses from rows (tests build snapshots with it). */
export function buildSnapshot(input: SnapshotInput): PageSnapshot {
  const { page, now } = input;
  const maintenance = new Set<string>();
  const fromIncidents = new Map<string, ComponentStatus[]>();
  const unresolvedImpacts: Impact[] = [];
  for (const incident of input.incidents) {
    if (isMaintenanceInProgress(incident, now)) {
      for (const link of incident.components) maintenance.add(link.component.code);
      continue;
    }
    if (incident.kind !== "incident" || !isIncidentUnresolved(incident, now)) continue;
    unresolvedImpacts.push(incident.impact as Impact);
    for (const link of incident.components) {
      const list = fromIncidents.get(link.component.code) ?? [];
      list.push(linkStatus(link.status));
      fromIncidents.set(link.component.code, list);
    }
  }
  const components: SnapshotComponent[] = input.components.map(({ checkStatus, partialOutage, ...c }) => ({
    ...c,
    status: getComponentStatus({
      checkStatus,
      partialOutage,
      inMaintenance: maintenance.has(c.code),
      incidentStatuses: fromIncidents.get(c.code) ?? [],
    }),
  }));
  const ref: PageRef = {
    code: page.code,
    name: page.title || page.slug,
    url: getPageUrl(page, input.siteRoot),
    timeZone: page.timeZone,
    updatedAt: page.updatedAt,
  };
  return {
    now,
    page,
    ref,
    status: getPageStatus(
      components.map((c) => c.status),
      unresolvedImpacts,
    ),
    components,
    statuspageComponents: serializeComponents(ref, components),
    incidents: input.incidents,
  };
}

/** The page's local date of `now`: the cache rebuilds when it changes (the bars move a day). */
export function getPageDay(snapshot: { page: { timeZone: string }; now: Date }): string {
  return formatLocalDate(snapshot.now, snapshot.page.timeZone);
}
