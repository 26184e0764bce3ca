// Each component's uptime bar: the reads that feed the day walk (uptime.ts) for a whole page in
// a fixed number of queries, whatever the number of days: the checks, their flips in the range,
// the hours their probes ran, the page's maintenance windows and its incidents.
import type { Db, Tx } from "../db";
import { findMaintenanceWindows } from "./maintenance-windows";
import type { Impact, UptimeBar } from "./types";
import { getUptimeDays, walkUptimeDays, type StatusChange, type UptimeIncident } from "./uptime";

export interface UptimeSubject {
  checkId: number;
  /** The component's page; its incidents and maintenances mark the days. */
  pageId: number;
}

export interface LoadUptimeBarsOptions {
  /** Days in the bar, today included (90 on public pages). */
  days: number;
  /** IANA zone whose midnights bound the days (the page's); an unknown zone counts as UTC. */
  timeZone: string;
  now: Date;
}

const HOUR_MS = 3_600_000;

/**
 * The uptime bar of each subject's check, by check id: `opts.days` days oldest first, today
 * last and partial. Checks that do not exist are left out. A check on two pages of `subjects`
 * gets the bar of the last one. See walkUptimeDays for how a day is counted.
 */
export async function loadUptimeBars(db: Db | Tx, subjects: UptimeSubject[], opts: LoadUptimeBarsOptions): Promise<Map<number, UptimeBar>> {
  const result = new Map<number, UptimeBar>();
  if (subjects.length === 0 || opts.days < 1) return result;
  const days = getUptimeDays(opts.days, opts.timeZone, opts.now);
  const from = new Date(days[0]!.start);
  const to = opts.now;
  const checkIds = [...new Set(subjects.map((s) => s.checkId))];
  const pageIds = [...new Set(subjects.map((s) => s.pageId))];

  const checks = await db.check.findMany({
    where: { id: { in: checkIds } },
    select: { id: true, status: true, createdAt: true, probe: true, timeout: true, grace: true },
  });
  const activeIds = checks.filter((c) => c.probe !== null).map((c) => c.id);

  const [flips, rollups, latestRollup, windowsByPage, incidents] = await Promise.all([
    // Every flip after the range's start, later ones too: the walk goes back from the status
    // the check has now. Served by the flips (check_id, created_at) index.
    db.flip.findMany({
      where: { checkId: { in: checkIds }, createdAt: { gt: from } },
      select: { checkId: true, createdAt: true, oldStatus: true, newStatus: true },
    }),
    activeIds.length
      ? db.probeRollup.findMany({
          where: { checkId: { in: activeIds }, period: "hour", runs: { gt: 0 }, start: { gte: new Date(from.getTime() - 2 * 86_400_000), lt: to } },
          select: { checkId: true, start: true },
        })
      : Promise.resolve([]),
    activeIds.length
      ? db.probeRollup.findFirst({ where: { period: "hour" }, orderBy: { start: "desc" }, select: { start: true } })
      : Promise.resolve(null),
    Promise.all(
      pageIds.map(async (pageId) => [pageId, await findMaintenanceWindows(db, checkIds, from, to, { pageId })] as const),
    ),
    db.statusIncident.findMany({
      where: {
        kind: "incident",
        pageId: { in: pageIds },
        startedAt: { lt: to },
        OR: [{ resolvedAt: null }, { resolvedAt: { gte: from } }],
        components: { some: { component: { checkId: { in: checkIds } } } },
      },
      select: {
        code: true,
        name: true,
        impact: true,
        pageId: true,
        startedAt: true,
        resolvedAt: true,
        components: { select: { component: { select: { checkId: true } } } },
      },
    }),
  ]);

  // Runs not rolled up yet (the hours since the prober's last rollup) come from the raw results.
  const tailStart = Math.max(from.getTime(), latestRollup ? latestRollup.start.getTime() + HOUR_MS : from.getTime());
  const raw = activeIds.length
    ? await db.probeResult.findMany({
        where: { checkId: { in: activeIds }, date: { gte: new Date(tailStart), lte: to } },
        select: { checkId: true, date: true },
      })
    : [];

  const runHours = new Map<number, number[]>();
  const addHour = (checkId: number, at: number) => {
    const list = runHours.get(checkId);
    if (list) list.push(at);
    else runHours.set(checkId, [at]);
  };
  for (const r of rollups) addHour(r.checkId, r.start.getTime());
  for (const r of raw) addHour(r.checkId, Math.floor(r.date.getTime() / HOUR_MS) * HOUR_MS);

  const flipsByCheck = new Map<number, StatusChange[]>();
  for (const f of flips) {
    const change = { at: f.createdAt.getTime(), oldStatus: f.oldStatus, newStatus: f.newStatus };
    const list = flipsByCheck.get(f.checkId);
    if (list) list.push(change);
    else flipsByCheck.set(f.checkId, [change]);
  }
  const windows = new Map(windowsByPage);
  const checkById = new Map(checks.map((c) => [c.id, c]));

  for (const subject of subjects) {
    const check = checkById.get(subject.checkId);
    if (!check) continue;
    const active = check.probe !== null;
    const pageIncidents: UptimeIncident[] = incidents
      .filter((i) => i.pageId === subject.pageId && i.components.some((c) => c.component.checkId === check.id))
      .map((i) => ({
        code: i.code,
        name: i.name,
        impact: i.impact as Impact,
        startedAt: i.startedAt.getTime(),
        resolvedAt: i.resolvedAt?.getTime() ?? null,
      }));
    result.set(
      check.id,
      walkUptimeDays({
        days,
        now: opts.now.getTime(),
        checkCreatedAt: check.createdAt.getTime(),
        status: check.status,
        flips: flipsByCheck.get(check.id) ?? [],
        // A run vouches for the check until the next one is due: an active check's timeout is
        // its probe's interval, and grace allows for a late run.
        ...(active ? { runHours: runHours.get(check.id) ?? [], coverMs: (check.timeout + check.grace) * 1000 } : {}),
        maintenance: (windows.get(subject.pageId)?.get(check.id) ?? []).map((w) => ({ start: w.start.getTime(), end: w.end.getTime() })),
        incidents: pageIncidents,
      }),
    );
  }
  return result;
}
