import { getCloakedUrl } from "../integrations/message";
import { getDowntimeSummaries, getPeriodBoundaries } from "../checks/downtime";
import { getDisplayStatus } from "../checks/status";
import { getDb, type User } from "../db";
import { getEnv } from "../env";
import { findMaintenanceWindows } from "../status-pages/maintenance-windows";
import type { DowntimePeriod } from "../checks/downtime";
import { getUnsubscribeReportsUrl } from "./unsubscribe-link";
import type { Report, ReportCheck, ReportFrequency, ReportProject } from "./types";

/** Healthchecks skips accounts whose checks have not been pinged for six months. */
const INACTIVE_MS = 180 * 86_400_000;

const PERIODS: Record<ReportFrequency, DowntimePeriod> = { daily: "day", weekly: "week", monthly: "month" };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en", { sensitivity: "base" });

/**
 * Everything a report or a nag shows for one account (Healthchecks' Profile.send_report): the
 * checks of every project the account owns or belongs to, grouped by project, with their
 * status now. A report adds each check's downtime in the two periods (days, weeks or months in
 * the account's time zone) before the current one; a nag lists only the checks down now.
 *
 * Returns null when there is nothing to send: no check in those projects was pinged in the
 * last 180 days, or (for a nag) none is down.
 */
export async function buildReport(
  user: Pick<User, "id" | "email" | "tz" | "reports" | "nagPeriod">,
  { nag = false, now = new Date() }: { nag?: boolean; now?: Date } = {},
): Promise<Report | null> {
  const db = getDb();
  const { siteRoot } = getEnv();
  const projects = await db.project.findMany({
    where: { OR: [{ ownerId: user.id }, { members: { some: { userId: user.id } } }] },
    select: { id: true, code: true, name: true },
  });
  const projectIds = projects.map((p) => p.id);
  // Not aggregate(_max): the SQLite adapter returns Invalid Date for a max over unixepoch-ms.
  const recent = await db.check.findFirst({
    where: { projectId: { in: projectIds }, lastPing: { gte: new Date(now.getTime() - INACTIVE_MS) } },
    select: { id: true },
  });
  if (!recent) return null;

  let checks = (await db.check.findMany({ where: { projectId: { in: projectIds } } })).map((check) => ({
    check,
    status: getDisplayStatus(check, now, false),
  }));
  const numDown = checks.filter((c) => c.status === "down").length;
  if (nag) {
    checks = checks.filter((c) => c.status === "down");
    if (checks.length === 0) return null;
  }

  const frequency: ReportFrequency = user.reports === "daily" || user.reports === "weekly" ? user.reports : "monthly";
  let periods: Report["periods"] = [];
  let downtimes = new Map<number, ReportCheck["downtimes"]>();
  if (!nag) {
    // Scheduled maintenance is not downtime.
    const from = getPeriodBoundaries(PERIODS[frequency], 3, user.tz, now)[0]!.start;
    const maintenance = await findMaintenanceWindows(db, checks.map((c) => c.check.id), from, now);
    const summaries = await getDowntimeSummaries(
      checks.map((c) => c.check),
      { tz: user.tz, period: PERIODS[frequency], count: 3, now, maintenance },
    );
    // Newest first, the current (unfinished) period first of all: keep the two before it,
    // oldest first, as the email's columns read left to right.
    downtimes = new Map([...summaries].map(([id, records]) => [id, records.slice(1, 3).reverse()]));
    const sample = summaries.values().next().value ?? [];
    periods = sample.slice(1, 3).reverse().map((r) => ({ start: r.start, end: r.end }));
  }

  const reportProjects: ReportProject[] = projects
    .map((project) => ({
      name: project.name || "Default Project",
      url: `${siteRoot}/projects/${project.code}/checks/`,
      checks: checks
        .filter((c) => c.check.projectId === project.id)
        .map(({ check, status }): ReportCheck => ({
          name: check.name,
          tags: check.tags.split(/\s+/).filter(Boolean),
          status,
          url: getCloakedUrl(check),
          lastPing: check.lastPing,
          downtimes: (downtimes.get(check.id) ?? []).map((d) => ({ outages: d.outages, downSeconds: d.downSeconds, noData: d.noData })),
        }))
        .sort((a, b) => (a.name === "" ? 1 : 0) - (b.name === "" ? 1 : 0) || byName(a, b)),
    }))
    .filter((project) => project.checks.length > 0)
    .sort(byName);

  return {
    kind: nag ? "nag" : "report",
    frequency,
    nagPeriod: nag ? user.nagPeriod : 0,
    email: user.email,
    tz: user.tz,
    periods,
    projects: reportProjects,
    numDown,
    unsubscribeUrl: getUnsubscribeReportsUrl(user.id),
    settingsUrl: `${siteRoot}/accounts/profile`,
    now,
  };
}
