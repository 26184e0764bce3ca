// What a visitor is told about each component and about the page as a whole, in Atlassian
// Statuspage's words, so widgets written for Statuspage read a Vigil page unchanged. Pure:
// the snapshot computes the inputs, the renderers and the JSON read the results.
import type { CheckStatus } from "../checks/status";
import type { ComponentStatus, Impact, IncidentStatus, MaintenanceStatus, PageIndicator } from "./types";

/** How bad a component status is; maintenance is announced, so it ranks just above operational. */
const SEVERITY: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

const IMPACT_RANK: Record<Impact, number> = { none: 0, minor: 1, major: 2, critical: 3 };

export function worseComponentStatus(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export interface ComponentStatusInput {
  /** The check's status as getStatus() reports it at the page's "now". */
  checkStatus: CheckStatus;
  /**
   * Some of the check's probe regions fail, fewer than its quorum (its latest round is degraded
   * with failing regions): the degraded check is then a partial outage, not slowness.
   */
  partialOutage?: boolean;
  /** A maintenance window covering the component is in progress. */
  inMaintenance: boolean;
  /** The statuses unresolved incidents give the component (empty when none). */
  incidentStatuses: readonly ComponentStatus[];
}

/** The component status a check's own state gives (before maintenance and incidents). */
export function componentStatusFromCheck(status: CheckStatus, partialOutage = false): ComponentStatus {
  switch (status) {
    case "degraded":
      return partialOutage ? "partial_outage" : "degraded_performance";
    case "down":
      return "major_outage";
    case "paused":
      return "under_maintenance";
    // up, grace (late but not yet down), new (never pinged) and started (a job is running)
    default:
      return "operational";
  }
}

/**
 * A component's status: its check's, replaced by "under_maintenance" while a maintenance covering
 * it runs (a check failing during planned work is expected), then raised to the worst status an
 * unresolved incident gives it, because a person who posts an incident knows more than a check.
 */
export function getComponentStatus(input: ComponentStatusInput): ComponentStatus {
  let status = input.inMaintenance
    ? "under_maintenance"
    : componentStatusFromCheck(input.checkStatus, input.partialOutage ?? false);
  for (const s of input.incidentStatuses) status = worseComponentStatus(status, s);
  return status;
}

export interface PageStatus {
  indicator: PageIndicator;
  description: string;
}

/** Statuspage's texts for an indicator when incidents, not components, set it. */
const IMPACT_DESCRIPTION: Record<PageIndicator, string> = {
  none: "All Systems Operational",
  minor: "Minor Service Outage",
  major: "Partial System Outage",
  critical: "Major System Outage",
};

/** The page's state from its components alone, with Statuspage's texts. */
function fromComponents(statuses: readonly ComponentStatus[]): PageStatus {
  const count = (s: ComponentStatus) => statuses.filter((x) => x === s).length;
  const all = statuses.length;
  const major = count("major_outage");
  const partial = count("partial_outage");
  const degraded = count("degraded_performance");
  const maintenance = count("under_maintenance");
  if (major > 0) {
    return major === all
      ? { indicator: "critical", description: "Major System Outage" }
      : { indicator: "major", description: "Partial System Outage" };
  }
  if (partial > 0) {
    return partial === all
      ? { indicator: "major", description: "Partial System Outage" }
      : { indicator: "minor", description: "Minor Service Outage" };
  }
  if (degraded > 0) {
    return degraded === all
      ? { indicator: "minor", description: "Degraded System Service" }
      : { indicator: "minor", description: "Partially Degraded Service" };
  }
  // Statuspage itself says "maintenance" here; strict consumers accept only none..critical.
  if (maintenance > 0) return { indicator: "none", description: "Service Under Maintenance" };
  return { indicator: "none", description: "All Systems Operational" };
}

/**
 * The page's one-line state (Statuspage's `status`): the components' rollup, raised by the impact
 * of any unresolved incident. The indicator is always none|minor|major|critical.
 */
export function getPageStatus(
  componentStatuses: readonly ComponentStatus[],
  unresolvedImpacts: readonly Impact[],
): PageStatus {
  const result = fromComponents(componentStatuses);
  let worst: Impact = "none";
  for (const impact of unresolvedImpacts) {
    if (impact in IMPACT_RANK && IMPACT_RANK[impact] > IMPACT_RANK[worst]) worst = impact;
  }
  if (IMPACT_RANK[worst] > IMPACT_RANK[result.indicator]) {
    return { indicator: worst, description: IMPACT_DESCRIPTION[worst] };
  }
  return result;
}

/** The words for an update's status, incidents' and maintenances' alike (they share the column). */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  postmortem: "Postmortem",
};

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatus, string> = {
  scheduled: "Scheduled",
  in_progress: "In progress",
  verifying: "Verifying",
  completed: "Completed",
};

/** The label of any stored update status; an unknown value reads as itself. */
export function getUpdateStatusLabel(status: string): string {
  return (INCIDENT_STATUS_LABELS as Record<string, string>)[status] ?? (MAINTENANCE_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** Labels the pages, mails and web app show for component statuses. */
export const COMPONENT_STATUS_LABELS: Record<ComponentStatus, string> = {
  operational: "Operational",
  degraded_performance: "Degraded performance",
  partial_outage: "Partial outage",
  major_outage: "Major outage",
  under_maintenance: "Under maintenance",
};
