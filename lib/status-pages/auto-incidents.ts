// Pages with auto_incidents tell visitors about an outage without anyone at a keyboard: a
// check going down opens "<component> is down" on every such page that shows it, and the check
// coming back up resolves that incident. Called by sendalerts for each flip it processes, so
// it runs once per flip in the normal case; it is idempotent when a flip is handled twice.
import { SYSTEM } from "../auth/actor";
import { getDb, type Flip } from "../db";
import { createThrottledLog } from "../throttled-log";
import { createIncident } from "./create-incident";
import { createIncidentUpdate } from "./create-incident-update";

const logError = createThrottledLog("status page auto-incident error");

/**
 * Opens or resolves the automatic incidents a flip calls for. Never throws: a page that
 * cannot be updated is logged and must not stop the flip's notifications.
 * Returns how many incidents were opened and resolved (for tests and logs).
 */
export async function handleFlipForStatusPages(flip: Pick<Flip, "checkId" | "oldStatus" | "newStatus" | "createdAt">): Promise<{ opened: number; resolved: number }> {
  const counts = { opened: 0, resolved: 0 };
  const goesDown = flip.newStatus === "down";
  const comesBack = flip.newStatus === "up" && flip.oldStatus === "down";
  if (!goesDown && !comesBack) return counts;
  let components: ComponentRef[];
  try {
    // Served by the check_id index; most checks are on no page and this finds nothing.
    components = await getDb().statusComponent.findMany({
      where: { checkId: flip.checkId, page: { autoIncidents: true } },
      select: { id: true, pageId: true, name: true, page: { select: { code: true } }, check: { select: { code: true } } },
    });
  } catch (err) {
    logError(err);
    return counts;
  }
  for (const component of components) {
    try {
      if (goesDown) counts.opened += await openIncident(component, flip.createdAt);
      else counts.resolved += await resolveIncidents(component, flip.createdAt);
    } catch (err) {
      logError(err);
    }
  }
  return counts;
}

interface ComponentRef {
  id: number;
  pageId: number;
  name: string;
  page: { code: string };
  check: { code: string };
}

async function openIncident(component: ComponentRef, at: Date): Promise<number> {
  return getDb().$transaction(async (tx) => {
    // One open incident per component is enough: a person may already be writing about it.
    const open = await tx.statusIncident.findFirst({
      where: { pageId: component.pageId, kind: "incident", resolvedAt: null, components: { some: { componentId: component.id } } },
      select: { id: true },
    });
    if (open) return 0;
    // A planned outage is not an incident: the page shows the maintenance instead.
    const maintenance = await tx.statusIncident.findFirst({
      where: {
        pageId: component.pageId,
        kind: "maintenance",
        resolvedAt: null,
        scheduledFor: { lte: at },
        scheduledUntil: { gt: at },
        components: { some: { componentId: component.id } },
      },
      select: { id: true },
    });
    if (maintenance) return 0;
    await createIncident({
      actor: SYSTEM,
      pageCode: component.page.code,
      input: {
        name: `${component.name} is down`,
        status: "investigating",
        impact: "major",
        body: `${component.name} is not responding. We are looking into it.`,
        components: { [component.check.code]: "major_outage" },
      },
      auto: true,
      tx,
      now: at,
    });
    return 1;
  });
}

async function resolveIncidents(component: ComponentRef, at: Date): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const open = await tx.statusIncident.findMany({
      where: { pageId: component.pageId, kind: "incident", auto: true, resolvedAt: null, components: { some: { componentId: component.id } } },
      select: { code: true },
    });
    for (const incident of open) {
      await createIncidentUpdate({
        actor: SYSTEM,
        incidentCode: incident.code,
        input: { status: "resolved", body: `${component.name} is back up.` },
        tx,
        now: at,
      });
    }
    return open.length;
  });
}
