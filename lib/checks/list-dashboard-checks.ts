import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { formatDateTime } from "../format";
import { findLastProbeResults } from "../probes/queries";
import { getChannelLabel } from "./check-channels";
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
  /** Codes of the project's channels that notify for the check (the row's integration switches). */
  channels: string[];
  /** An active check's last run: its round trip in ms; null for passive checks and before the first run. */
  lastRttMs: number | null;
}

/** One of the project's channels, as the dashboard's integrations column shows it. */
export interface DashboardChannel {
  code: string;
  kind: string;
  label: string;
  /** Switched off after a permanent delivery error. */
  disabled: boolean;
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
 * ("started" included), each with the channels that notify for it and an active check's last
 * round trip. After the access check, a fixed number of queries for passive checks (the checks,
 * then every link of the project at once) and one per active check: the dashboard polls this. Throws AppError on access (see requireProjectAccess).
 */
export async function listDashboardChecks({ actor, projectCode, now = new Date(), tz = "UTC" }: ListDashboardChecksOptions): Promise<DashboardCheck[]> {
  const { project } = await requireProjectAccess(actor, projectCode, "read");
  const db = getDb();
  const [rows, links] = await Promise.all([
    db.check.findMany({
      where: { projectId: project.id },
      orderBy: { id: "asc" },
      select: {
        id: true,
        code: true,
        name: true,
        slug: true,
        tags: true,
        desc: true,
        ...CHECK_TIMING_SELECT,
        nPings: true,
        createdAt: true,
        probe: true,
      },
    }),
    // Oldest channel first, so a row's codes come in the column's order.
    db.channelCheck.findMany({
      where: { check: { projectId: project.id } },
      orderBy: [{ channel: { createdAt: "asc" } }, { channelId: "asc" }],
      select: { checkId: true, channel: { select: { code: true } } },
    }),
  ]);
  // One more read per active check (its last run, on the (check_id, date) index).
  const lastResults = await findLastProbeResults(rows.flatMap((row) => (row.probe === null ? [] : [row.id])));
  const channelsByCheck = new Map<number, string[]>();
  for (const link of links) {
    const codes = channelsByCheck.get(link.checkId);
    if (codes) codes.push(link.channel.code);
    else channelsByCheck.set(link.checkId, [link.channel.code]);
  }
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
    channels: channelsByCheck.get(row.id) ?? [],
    lastRttMs: lastResults.get(row.id)?.rtt_ms ?? null,
  }));
}

/**
 * The project's channels, oldest first as the integrations page lists them, named as the check
 * page names them. Throws AppError on access (see requireProjectAccess).
 */
export async function listDashboardChannels({ actor, projectCode }: { actor: Actor; projectCode: string }): Promise<DashboardChannel[]> {
  const { project } = await requireProjectAccess(actor, projectCode, "read");
  const channels = await getDb().channel.findMany({
    where: { projectId: project.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { code: true, kind: true, name: true, config: true, disabled: true },
  });
  return channels.map((c) => ({ code: c.code, kind: c.kind, label: getChannelLabel(c), disabled: c.disabled }));
}
