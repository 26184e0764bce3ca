// Atlassian Statuspage's public v2 JSON (summary, status, components, incidents, scheduled
// maintenances), field by field, so widgets, aggregators and scripts written for Statuspage read
// a Vigil page unchanged. Strict consumers validate ids on the page, positions, `impact`,
// `shortlink`, indicator values and ISO 8601 timestamps with an offset, so every field is here
// even when Vigil has nothing to put in it (null, false, as Statuspage sends). Pure.
import { createHash } from "node:crypto";
import type { ComponentStatus, Impact, PageIndicator } from "./types";
import { COMPONENT_STATUSES } from "./types";

// ---------------------------------------------------------------------------------------------
// Inputs: plain rows (a Prisma row with the includes below satisfies them).

export interface PageRef {
  code: string;
  name: string;
  /** Absolute URL of the page (custom domain root or <site>/status/<slug>). */
  url: string;
  timeZone: string;
  updatedAt: Date;
}

export interface ComponentRow {
  code: string;
  name: string;
  description: string;
  groupName: string;
  position: number;
  createdAt: Date;
  updatedAt: Date;
  /** The component's current status (see component-status.ts). */
  status: ComponentStatus;
}

export interface IncidentUpdateRow {
  code: string;
  status: string;
  body: string;
  /** JSON array of {code, name, old_status, new_status}. */
  affected: string;
  createdAt: Date;
  displayAt: Date;
}

export interface IncidentRow {
  code: string;
  kind: string;
  name: string;
  impact: string;
  scheduledFor: Date | null;
  scheduledUntil: Date | null;
  startedAt: Date;
  monitoringAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  updates: IncidentUpdateRow[];
  components: { status: string; component: { code: string } }[];
}

/** The Prisma `include` that reads an IncidentRow from status_incidents. */
export const INCIDENT_ROW_INCLUDE = {
  updates: true,
  components: { select: { status: true, component: { select: { code: true } } } },
} as const;

// ---------------------------------------------------------------------------------------------
// Outputs: Statuspage's objects.

export interface StatuspagePage {
  id: string;
  name: string;
  url: string;
  time_zone: string;
  updated_at: string;
}

export interface StatuspageComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Child component ids; present only on groups. */
  components?: string[];
}

export interface StatuspageAffectedComponent {
  code: string;
  name: string;
  old_status: string;
  new_status: string;
}

export interface StatuspageIncidentUpdate {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: StatuspageAffectedComponent[] | null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

export interface StatuspageIncident {
  id: string;
  name: string;
  status: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  impact: string;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: StatuspageIncidentUpdate[];
  components: StatuspageComponent[];
  reminder_intervals: string | null;
  scheduled_for?: string | null;
  scheduled_until?: string | null;
}

export interface StatuspageStatus {
  indicator: PageIndicator;
  description: string;
}

// ---------------------------------------------------------------------------------------------
// Timestamps: ISO 8601 with the page zone's offset, milliseconds included, as Statuspage prints
// them ("2026-05-16T10:00:00.123-07:00").

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMinutes(date: Date, timeZone: string): number {
  let fmt = offsetFormatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      // An unknown zone name is printed in UTC rather than failing the whole page.
      return 0;
    }
    offsetFormatters.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(date)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** `2026-05-16T10:00:00.123-07:00` in the given IANA zone. */
export function formatIsoOffset(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date, timeZone);
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

/** "YYYY-MM-DD" of the instant in the zone. */
export function formatLocalDate(date: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(date, timeZone);
  return new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------

/** A stable id for a group of components (groups are names, not rows): a page-scoped hash. */
export function getGroupId(pageCode: string, groupName: string): string {
  return "g" + createHash("sha256").update(`${pageCode}\0${groupName}`).digest("hex").slice(0, 15);
}

export function serializePage(page: PageRef): StatuspagePage {
  return {
    id: page.code,
    name: page.name,
    url: page.url,
    time_zone: page.timeZone,
    updated_at: formatIsoOffset(page.updatedAt, page.timeZone),
  };
}

function isComponentStatus(s: string): s is ComponentStatus {
  return (COMPONENT_STATUSES as readonly string[]).includes(s);
}

const SEVERITY: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

/**
 * The page's components as Statuspage lists them: ungrouped components and groups in page order
 * (a group takes the place of its first member), each group followed by its members. Groups are
 * components with `group: true`, the worst status of their members and their ids in `components`.
 * Positions are 1-based: among top-level entries, and within a group for its members.
 */
export function serializeComponents(page: PageRef, rows: readonly ComponentRow[]): StatuspageComponent[] {
  const tz = page.timeZone;
  const sorted = [...rows].sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
  const groups = new Map<string, ComponentRow[]>();
  const top: ({ kind: "component"; row: ComponentRow } | { kind: "group"; name: string })[] = [];
  for (const row of sorted) {
    if (!row.groupName) {
      top.push({ kind: "component", row });
      continue;
    }
    let members = groups.get(row.groupName);
    if (!members) {
      members = [];
      groups.set(row.groupName, members);
      top.push({ kind: "group", name: row.groupName });
    }
    members.push(row);
  }
  const one = (row: ComponentRow, position: number, groupId: string | null): StatuspageComponent => ({
    id: row.code,
    name: row.name,
    status: row.status,
    created_at: formatIsoOffset(row.createdAt, tz),
    updated_at: formatIsoOffset(row.updatedAt, tz),
    position,
    description: row.description || null,
    showcase: true,
    start_date: formatLocalDate(row.createdAt, tz),
    group_id: groupId,
    page_id: page.code,
    group: false,
    only_show_if_degraded: false,
  });
  const out: StatuspageComponent[] = [];
  top.forEach((entry, i) => {
    if (entry.kind === "component") {
      out.push(one(entry.row, i + 1, null));
      return;
    }
    const members = groups.get(entry.name) ?? [];
    const id = getGroupId(page.code, entry.name);
    let status: ComponentStatus = "operational";
    for (const m of members) if (SEVERITY[m.status] > SEVERITY[status]) status = m.status;
    const created = new Date(Math.min(...members.map((m) => m.createdAt.getTime())));
    const updated = new Date(Math.max(...members.map((m) => m.updatedAt.getTime())));
    out.push({
      id,
      name: entry.name,
      status,
      created_at: formatIsoOffset(created, tz),
      updated_at: formatIsoOffset(updated, tz),
      position: i + 1,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: page.code,
      group: true,
      only_show_if_degraded: false,
      components: members.map((m) => m.code),
    });
    members.forEach((m, j) => out.push(one(m, j + 1, id)));
  });
  return out;
}

function parseAffected(text: string): StatuspageAffectedComponent[] | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length === 0) return null;
    const out: StatuspageAffectedComponent[] = [];
    for (const item of value) {
      if (typeof item !== "object" || item === null) continue;
      const o = item as Record<string, unknown>;
      out.push({
        code: String(o.code ?? ""),
        name: String(o.name ?? ""),
        old_status: String(o.old_status ?? ""),
        new_status: String(o.new_status ?? ""),
      });
    }
    return out.length ? out : null;
  } catch {
    return null;
  }
}

/** Updates newest first (Statuspage's order), ties broken by code for a stable output. */
function sortUpdates(updates: readonly IncidentUpdateRow[]): IncidentUpdateRow[] {
  return [...updates].sort(
    (a, b) =>
      b.displayAt.getTime() - a.displayAt.getTime() ||
      b.createdAt.getTime() - a.createdAt.getTime() ||
      b.code.localeCompare(a.code),
  );
}

/**
 * An incident's or maintenance's status: its latest update's. A maintenance still "scheduled"
 * reads "in_progress" inside its window and "completed" after it, as Statuspage's automatic
 * transitions would have set them.
 */
export function getIncidentStatus(incident: IncidentRow, now: Date): string {
  const latest = sortUpdates(incident.updates)[0];
  if (incident.kind !== "maintenance") {
    return latest?.status ?? (incident.resolvedAt ? "resolved" : "investigating");
  }
  const status = latest?.status ?? (incident.resolvedAt ? "completed" : "scheduled");
  if (status !== "scheduled" || !incident.scheduledFor || !incident.scheduledUntil) return status;
  const t = now.getTime();
  if (t >= incident.scheduledUntil.getTime()) return "completed";
  if (t >= incident.scheduledFor.getTime()) return "in_progress";
  return "scheduled";
}

/** Whether the incident still counts (Statuspage's "unresolved"). */
export function isIncidentUnresolved(incident: IncidentRow, now: Date): boolean {
  const status = getIncidentStatus(incident, now);
  return status !== "resolved" && status !== "postmortem" && status !== "completed";
}

export interface IncidentContext {
  page: PageRef;
  /** The page's components as serializeComponents gives them (looked up by id). */
  components: readonly StatuspageComponent[];
  now: Date;
}

/**
 * One Statuspage incident object (maintenances too: they carry `scheduled_for/until` and impact
 * "maintenance"), with its updates newest first and the full objects of the components it affects.
 * Subscriber webhooks send exactly this as `incident`.
 */
export function serializeIncident(incident: IncidentRow, ctx: IncidentContext): StatuspageIncident {
  const tz = ctx.page.timeZone;
  const iso = (d: Date) => formatIsoOffset(d, tz);
  const byId = new Map(ctx.components.map((c) => [c.id, c]));
  const affected: StatuspageComponent[] = [];
  for (const link of incident.components) {
    const c = byId.get(link.component.code);
    if (c) affected.push(c);
  }
  affected.sort((a, b) => ctx.components.indexOf(a) - ctx.components.indexOf(b));
  const updates = sortUpdates(incident.updates).map(
    (u): StatuspageIncidentUpdate => ({
      id: u.code,
      status: u.status,
      body: u.body,
      incident_id: incident.code,
      created_at: iso(u.createdAt),
      updated_at: iso(u.createdAt),
      display_at: iso(u.displayAt),
      affected_components: parseAffected(u.affected),
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    }),
  );
  const out: StatuspageIncident = {
    id: incident.code,
    name: incident.name,
    status: getIncidentStatus(incident, ctx.now),
    created_at: iso(incident.createdAt),
    updated_at: iso(incident.updatedAt),
    monitoring_at: incident.monitoringAt ? iso(incident.monitoringAt) : null,
    resolved_at: incident.resolvedAt ? iso(incident.resolvedAt) : null,
    impact: incident.kind === "maintenance" ? "maintenance" : normalizeImpact(incident.impact),
    shortlink: `${ctx.page.url}/history#incident-${incident.code}`,
    started_at: iso(incident.startedAt),
    page_id: ctx.page.code,
    incident_updates: updates,
    components: affected,
    reminder_intervals: null,
  };
  if (incident.kind === "maintenance") {
    out.scheduled_for = incident.scheduledFor ? iso(incident.scheduledFor) : null;
    out.scheduled_until = incident.scheduledUntil ? iso(incident.scheduledUntil) : null;
  }
  return out;
}

function normalizeImpact(impact: string): Impact {
  return impact === "minor" || impact === "major" || impact === "critical" ? impact : "none";
}

/** The component status an incident link gives (unknown values read as a major outage). */
export function linkStatus(status: string): ComponentStatus {
  return isComponentStatus(status) ? status : "major_outage";
}

// ---------------------------------------------------------------------------------------------
// The eight documents under /api/v2/.

/** What the documents are built from (a PageSnapshot has these fields). */
export interface StatuspageSource {
  now: Date;
  ref: PageRef;
  status: StatuspageStatus;
  statuspageComponents: StatuspageComponent[];
  /** Newest first. */
  incidents: IncidentRow[];
}

/** The document names served under `<page>/api/v2/`, each at `<name>.json`. */
export const STATUSPAGE_DOCUMENTS = [
  "summary",
  "status",
  "components",
  "incidents",
  "incidents/unresolved",
  "scheduled-maintenances",
  "scheduled-maintenances/upcoming",
  "scheduled-maintenances/active",
] as const;
export type StatuspageDocument = (typeof STATUSPAGE_DOCUMENTS)[number];

/** Statuspage lists at most this many in incidents.json and scheduled-maintenances.json. */
const RECENT_LIMIT = 50;

/** A document's object, or null for an unknown name. */
export function buildStatuspageDocument(source: StatuspageSource, name: string): object | null {
  const page = serializePage(source.ref);
  const ctx: IncidentContext = { page: source.ref, components: source.statuspageComponents, now: source.now };
  const incidents = (pick: (i: IncidentRow, status: string) => boolean, limit = Infinity) => {
    const out: StatuspageIncident[] = [];
    for (const incident of source.incidents) {
      if (out.length >= limit) break;
      if (pick(incident, getIncidentStatus(incident, source.now))) out.push(serializeIncident(incident, ctx));
    }
    return out;
  };
  const isIncident = (i: IncidentRow) => i.kind !== "maintenance";
  const isMaintenance = (i: IncidentRow) => i.kind === "maintenance";
  const unresolved = (i: IncidentRow, s: string) => isIncident(i) && s !== "resolved" && s !== "postmortem";
  const active = (i: IncidentRow, s: string) => isMaintenance(i) && (s === "in_progress" || s === "verifying");
  const upcoming = (i: IncidentRow, s: string) => isMaintenance(i) && s === "scheduled";
  // Upcoming maintenances read soonest first, as Statuspage lists them.
  const soonestFirst = (list: StatuspageIncident[]) =>
    [...list].sort((a, b) => (a.scheduled_for ?? "").localeCompare(b.scheduled_for ?? "") || a.id.localeCompare(b.id));
  switch (name) {
    case "summary":
      return {
        page,
        components: source.statuspageComponents,
        incidents: incidents(unresolved),
        scheduled_maintenances: [
          ...incidents(active),
          ...soonestFirst(incidents(upcoming)),
        ],
        status: source.status,
      };
    case "status":
      return { page, status: source.status };
    case "components":
      return { page, components: source.statuspageComponents };
    case "incidents":
      return { page, incidents: incidents((i) => isIncident(i), RECENT_LIMIT) };
    case "incidents/unresolved":
      return { page, incidents: incidents(unresolved) };
    case "scheduled-maintenances":
      return { page, scheduled_maintenances: incidents((i) => isMaintenance(i), RECENT_LIMIT) };
    case "scheduled-maintenances/upcoming":
      return { page, scheduled_maintenances: soonestFirst(incidents(upcoming)) };
    case "scheduled-maintenances/active":
      return { page, scheduled_maintenances: incidents(active) };
    default:
      return null;
  }
}
