// The words of public status pages, shared by the verbs, the uptime bars, the renderers and the
// subscriber delivery. Values are Atlassian Statuspage's, so its v2 JSON can be served unchanged
// and widgets written for Statuspage read a Vigil page.

export const COMPONENT_STATUSES = [
  "operational",
  "degraded_performance",
  "partial_outage",
  "major_outage",
  "under_maintenance",
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export const INCIDENT_STATUSES = ["investigating", "identified", "monitoring", "resolved", "postmortem"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const MAINTENANCE_STATUSES = ["scheduled", "in_progress", "verifying", "completed"] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

export const IMPACTS = ["none", "minor", "major", "critical"] as const;
export type Impact = (typeof IMPACTS)[number];

/** The page's one-line state: Statuspage's `status.indicator`. Never "maintenance". */
export type PageIndicator = Impact;

export const PAGE_ACCESS = ["public", "password", "members"] as const;
export type PageAccess = (typeof PAGE_ACCESS)[number];

export const PAGE_THEMES = ["system", "light", "dark"] as const;
export type PageTheme = (typeof PAGE_THEMES)[number];

export type IncidentKind = "incident" | "maintenance";

export type StatusEventKind =
  | "incident_created"
  | "incident_updated"
  | "incident_resolved"
  | "maintenance_scheduled"
  | "maintenance_started"
  | "maintenance_completed";

/** A component as the management API and the web app give it: a check of the page's project. */
export interface ComponentSpec {
  /** The check's UUID. */
  check: string;
  /** Display name; the check's name when omitted. */
  name?: string;
  description?: string;
  /** Group name; "" or omitted = not grouped. Order is the order of the list. */
  group?: string;
}

/** A page as the management API and the web app give it (snake_case like the rest of the API). */
export interface StatusPageSpec {
  slug: string;
  title: string;
  description?: string;
  logo_url?: string;
  theme?: PageTheme;
  time_zone?: string;
  /** null or "" removes it. */
  custom_domain?: string | null;
  access?: PageAccess;
  /** Required when access becomes "password" and no password is stored yet; never read back. */
  password?: string;
  auto_incidents?: boolean;
  components?: ComponentSpec[];
}

export interface IncidentInput {
  name: string;
  status?: IncidentStatus;
  impact?: Impact;
  body?: string;
  /** Check UUID → the component status this incident gives it. */
  components?: Record<string, ComponentStatus>;
}

export interface IncidentUpdateInput {
  status: IncidentStatus | MaintenanceStatus;
  body?: string;
  /** Check UUID → new component status, when the update changes it. */
  components?: Record<string, ComponentStatus>;
}

export interface MaintenanceInput {
  name: string;
  body?: string;
  scheduled_for: Date;
  scheduled_until: Date;
  /** Check UUIDs. */
  components: string[];
}

/**
 * One day of a component's uptime bar, counted in the page's time zone. Time before the check
 * existed, while it was new or paused, and (for active checks) without runs is not known:
 * a day with no known time has `uptime: null` and is drawn grey "no data", never green.
 * Maintenance time is neither up nor down: it is left out of `knownSeconds`.
 */
export interface UptimeDay {
  /** "YYYY-MM-DD" in the page's time zone. */
  date: string;
  /** 0..1, or null when nothing is known about the day. */
  uptime: number | null;
  knownSeconds: number;
  downSeconds: number;
  degradedSeconds: number;
  maintenanceSeconds: number;
  /** Incidents of this page touching the component that day (codes and names for tooltips). */
  incidents: { code: string; name: string; impact: Impact }[];
}

export interface UptimeBar {
  days: UptimeDay[];
  /** Uptime over the days with data, 0..1; null when no day has data. */
  uptime: number | null;
}
