// What the status-page screens read, through the status-page reads (which check access), shaped
// as the components' view types. A page or incident the user may not see is a 404, and so is a
// page of another project than the URL's or an incident of another page.
import { notFound } from "next/navigation";
import { cache } from "react";
import { loadProject } from "../load-project";
import type { IncidentView, PageDetail, PageListItem, SubscriberView } from "@/components/status-pages/view";
import type { Actor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/auth/session";
import { findProjectChannels } from "@/lib/channels/queries";
import { getEnv } from "@/lib/env";
import { findIncident, findStatusPage, listIncidents, listStatusPages, type IncidentView as IncidentRead, type StatusPageView } from "@/lib/status-pages/queries";
import { listSubscribers } from "@/lib/status-pages/subscribers";
import type { IncidentKind } from "@/lib/status-pages/types";

/** The address a page answers at: its custom domain when it has one. */
function publicUrl(page: Pick<StatusPageView, "url" | "customDomain">): string {
  return page.customDomain ? `https://${page.customDomain}/` : page.url;
}

export function publicUrlBase(): string {
  return `${getEnv().siteRoot.replace(/\/+$/, "")}/status/`;
}

/** Every IANA zone name Node knows, UTC first. */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export async function listPageItems(actor: Actor, projectCode: string): Promise<PageListItem[]> {
  const pages = await listStatusPages({ actor, projectCode });
  return pages.map((p) => ({
    code: p.code,
    title: p.title,
    slug: p.slug,
    url: publicUrl(p),
    access: p.access,
    componentCount: p.counts.components,
    openIncidents: p.counts.openIncidents,
  }));
}

/** The project's checks by name, for the components picker. */
export async function listProjectCheckNames(actor: Actor, projectCode: string): Promise<{ code: string; name: string }[]> {
  const { checks } = await findProjectChannels({ actor, projectCode });
  return checks.map((c) => ({ code: c.code, name: c.name }));
}

/**
 * The signed-in user, the project and the status page of the URL, and whether the user may
 * change it (owners and managers). `path` brings a signed-out visitor back after signing in.
 */
export const loadStatusPage = cache(async (projectCode: string, pageCode: string, path: string) => {
  const { user, actor, project, role } = await loadProject(projectCode, path);
  const found = await orNotFound(findStatusPage({ actor, pageCode }));
  if (found.projectCode !== project.code) notFound();
  const page: PageDetail = {
    code: found.code,
    slug: found.slug,
    title: found.title,
    description: found.description,
    logoUrl: found.logoUrl,
    theme: found.theme,
    timeZone: found.timeZone,
    customDomain: found.customDomain,
    access: found.access,
    hasPassword: found.hasPassword,
    autoIncidents: found.autoIncidents,
    url: publicUrl(found),
    components: found.components.map((c) => ({ check: c.checkCode, checkName: c.checkName, name: c.name, description: c.description, group: c.group })),
  };
  return { user, actor, project, role, page, canEdit: found.canEdit };
});

function toView(i: IncidentRead): IncidentView {
  const date = (s: string | null) => (s ? new Date(s) : null);
  return {
    code: i.code,
    kind: i.kind,
    name: i.name,
    impact: i.impact,
    status: i.status,
    auto: i.auto,
    scheduledFor: date(i.scheduledFor),
    scheduledUntil: date(i.scheduledUntil),
    createdAt: new Date(i.createdAt),
    resolvedAt: date(i.resolvedAt),
    components: i.components.map((c) => ({ check: c.checkCode, name: c.name, status: c.status })),
    // The reads list updates newest first; the screens tell them in order.
    updates: [...i.updates].reverse().map((u) => ({
      code: u.code,
      status: u.status,
      body: u.body,
      createdAt: new Date(u.displayAt),
      affected: u.affected.map((a) => ({ name: a.name, oldStatus: a.old_status, newStatus: a.new_status })),
    })),
  };
}

export async function listIncidentViews(actor: Actor, pageCode: string, kind: IncidentKind): Promise<IncidentView[]> {
  return (await listIncidents({ actor, pageCode, kind, limit: 200 })).map(toView);
}

/** One incident or maintenance of the page, or a 404. */
export async function loadIncidentView(actor: Actor, pageCode: string, incidentCode: string, kind: IncidentKind): Promise<IncidentView> {
  const found = await orNotFound(findIncident({ actor, incidentCode }));
  if (found.pageCode !== pageCode || found.kind !== kind) notFound();
  return toView(found);
}

/** The page's subscribers (owners and managers only: addresses are the subscribers' own). */
export async function listSubscriberViews(actor: Actor, pageCode: string): Promise<SubscriberView[]> {
  const rows = await listSubscribers({ actor, pageCode });
  return rows.map((s) => ({ code: s.code, kind: s.kind, target: s.target, confirmed: s.confirmedAt !== null, createdAt: s.createdAt }));
}
