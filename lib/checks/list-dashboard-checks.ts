import { getDb } from "../db";
import { formatDateTime } from "../format";
import { getDisplayStatus } from "./get-display-status";
import { CHECK_TIMING_SELECT, type CheckStatus } from "./types";

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

/**
 * The project's checks for the dashboard, oldest first, with statuses computed at `now`
 * ("started" included). One query over the checks table only: the dashboard polls this.
 */
export async function listDashboardChecks(projectId: number, opts: { now?: Date; tz?: string } = {}): Promise<DashboardCheck[]> {
  const now = opts.now ?? new Date();
  const rows = await getDb().check.findMany({
    where: { projectId },
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
    lastPingText: row.lastPing ? formatDateTime(row.lastPing, opts.tz ?? "UTC") : null,
    nPings: row.nPings,
    createdAt: row.createdAt.getTime(),
  }));
}
