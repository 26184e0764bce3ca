import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { formatDateTime } from "../format";
import { CHECK_TIMING_SELECT, getDisplayStatus, type CheckStatus } from "./status";

/** One dashboard row; plain data so it can go to the browser as props or JSON. */
export interface DashboardCheck {
  code: string;
  name: string;
  slug: string;
  tags: string[];
  desc: string;
  kind: string;
  /** Seconds. */
  timeout: number;
  /** Seconds. */
  grace: number;
  schedule: string;
  tz: string;
  status: CheckStatus;
  /** ms since epoch. */
  lastPing: number | null;
  /** lastPing as an exact time in the viewer's time zone (for a tooltip). */
  lastPingText: string | null;
  nPings: number;
  /** ms since epoch. */
  createdAt: number;
}

export interface ListDashboardChecksOptions {
  actor: Actor;
  projectCode: string;
  now?: Date;
  /** The viewer's time zone, for lastPingText (default UTC). */
  tz?: string;
}

/**
 * The project's checks for the dashboard, oldest first, with statuses computed at `now`
 * ("started" included). After the access check, one query over the checks table only: the
 * dashboard polls this. Throws AppError on access (see requireProjectAccess).
 */
export async function listDashboardChecks({ actor, projectCode, now = new Date(), tz = "UTC" }: ListDashboardChecksOptions): Promise<DashboardCheck[]> {
  const { project } = await requireProjectAccess(actor, projectCode, "read");
  const rows = await getDb().check.findMany({
    where: { projectId: project.id },
    orderBy: { id: "asc" },
    select: {
      code: true,
      name: true,
      slug: true,
      tags: true,
      desc: true,
      ...CHECK_TIMING_SELECT,
      nPings: true,
      createdAt: true,
    },
  });
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    slug: row.slug,
    tags: row.tags.split(" ").filter(Boolean),
    desc: row.desc,
    kind: row.kind,
    timeout: row.timeout,
    grace: row.grace,
    schedule: row.schedule,
    tz: row.tz,
    status: getDisplayStatus(row, now),
    lastPing: row.lastPing?.getTime() ?? null,
    lastPingText: row.lastPing ? formatDateTime(row.lastPing, tz) : null,
    nPings: row.nPings,
    createdAt: row.createdAt.getTime(),
  }));
}
