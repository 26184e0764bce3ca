import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { getDb, Prisma } from "../db";
import { getEnv } from "../env";
import { getChannelLabel } from "./check-channels";
import type { TimeSpan } from "./downtime";
import { getPingDurations } from "./ping-log";

export type PingKind = "success" | "start" | "fail" | "log" | "ign";

export interface PingEvent {
  type: "ping";
  /** ms since epoch. */
  at: number;
  n: number;
  kind: PingKind;
  scheme: string;
  remoteAddr: string | null;
  method: string;
  ua: string;
  exitStatus: number | null;
  rid: string | null;
  /** Run time since the matching start ping, ms; null when unknown. */
  durationMs: number | null;
  /** Body length in bytes (0 = none). */
  bodySize: number;
  /** The first bytes of the body as text; for email pings the message's Subject. */
  bodyPreview: string;
  /**
   * Beyond Healthchecks: for a fail ping that did not reach the check's failure threshold,
   * its place in the run of fails ("failure 1 of 3"); null otherwise or when unknown.
   */
  failureOf: { count: number; threshold: number } | null;
  /** Recorded during scheduled maintenance covering the check; absent otherwise. */
  maintenance?: true;
}

export interface FlipEvent {
  type: "flip";
  at: number;
  oldStatus: string;
  newStatus: string;
  reason: string;
  /** An alerting change inside a maintenance window: no channel was told then. Absent otherwise. */
  held?: "maintenance";
}

export interface NotificationEvent {
  type: "notification";
  at: number;
  channelCode: string;
  channelKind: string;
  channelLabel: string;
  checkStatus: string;
  /** "" delivered, "Sending" in flight, else the error. */
  error: string;
  /** A "still down" reminder rather than a status change's alert. */
  reminder: boolean;
}

export type CheckEvent = PingEvent | FlipEvent | NotificationEvent;

export interface CheckEventPage {
  events: CheckEvent[];
  /** Pass as `beforeN` for the next (older) page; null when there is none. */
  olderBeforeN: number | null;
}

const PREVIEW_BYTES = 2048;
const PREVIEW_CHARS = 300;
/** Flips and notifications of one page are bounded too, should a check flap wildly. */
const MAX_OTHER_EVENTS = 500;

/**
 * The first bytes of each body, hex-encoded: raw queries cannot return a computed blob through
 * the SQLite driver adapter, and the two databases spell hex encoding differently.
 */
function hexHead(): Prisma.Sql {
  const head = Prisma.raw(`substr(body, 1, ${PREVIEW_BYTES})`);
  return getEnv().database.kind === "postgres" ? Prisma.sql`encode(${head}, 'hex')` : Prisma.sql`hex(${head})`;
}

/** A short, single-screen preview; an email's Subject header says more than its headers. */
function getPreview(head: Buffer, scheme: string): string {
  const text = head.toString("utf8");
  if (scheme === "email") {
    const subject = /^subject:[ \t]*(.*(?:\r?\n[ \t].*)*)/im.exec(text);
    if (subject) return `Subject: ${subject[1]!.replace(/\r?\n[ \t]+/g, " ").trim()}`;
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/**
 * For each fail ping below the failure threshold, its place in its run of fails (success pings
 * end a run; start, log and ignored pings do not count), by ping n. `pings` is newest first.
 * The oldest run of the page is left out unless `complete` (no older pings): it may go on
 * before the page. Uses the current threshold, as pings do not record the one they met.
 */
function countFailures(pings: { n: number; kind: string | null }[], threshold: number, complete: boolean) {
  const result = new Map<number, { count: number; threshold: number }>();
  if (threshold <= 1) return result;
  let count: number | null = complete ? 0 : null;
  for (let i = pings.length - 1; i >= 0; i--) {
    const p = pings[i]!;
    if (p.kind === null) count = 0;
    else if (p.kind === "fail" && count !== null) {
      count++;
      if (count < threshold) result.set(p.n, { count, threshold });
    }
  }
  return result;
}

export interface GetCheckEventsOptions {
  actor: Actor;
  checkCode: string;
  /** Pings per page (default 100). */
  limit?: number;
  /**
   * Only pings older than ping number `beforeN` (the "Older events" link). Anything but a safe
   * integer, e.g. a hand-edited URL past 2^53, means no bound: the newest page.
   */
  beforeN?: number;
  /**
   * The check's maintenance windows (findCheckMaintenance of lib/status-pages): pings inside
   * them are marked, and so are flips whose alerts they held. Read at display time, so the
   * ping path records nothing extra.
   */
  maintenance?: readonly TimeSpan[];
}

const ALERTING = new Set(["down", "up", "degraded"]);

function isWithin(at: Date, spans: readonly TimeSpan[]): boolean {
  const t = at.getTime();
  return spans.some((s) => s.start.getTime() <= t && t < s.end.getTime());
}

/**
 * The check's event log, newest first: up to `limit` pings (older than ping `beforeN` when
 * given) interleaved with the flips and notifications of the same time window, like
 * Healthchecks' details page. Bodies are not loaded, only their size and a preview. Pings and
 * flips inside the given maintenance windows are marked. Throws AppError on access (see
 * requireCheckAccess).
 */
export async function getCheckEvents({ actor, checkCode, limit = 100, beforeN: rawBeforeN, maintenance = [] }: GetCheckEventsOptions): Promise<CheckEventPage> {
  const { check: found } = await requireCheckAccess(actor, checkCode, "read");
  const checkId = found.id;
  // A number the 64-bit ping column cannot hold would make the database refuse the query.
  const beforeN = rawBeforeN !== undefined && Number.isSafeInteger(rawBeforeN) ? rawBeforeN : undefined;
  const db = getDb();
  const pings = await db.ping.findMany({
    where: { checkId, ...(beforeN !== undefined ? { n: { lt: beforeN } } : {}) },
    orderBy: { n: "desc" },
    take: limit,
    select: { n: true, createdAt: true, kind: true, scheme: true, remoteAddr: true, method: true, ua: true, exitStatus: true, rid: true },
  });

  // The window: older than the newer page's oldest ping, and no older than this page's oldest
  // ping when the page is full (older flips belong to the next page).
  let end: Date | null = null;
  if (beforeN !== undefined) {
    const boundary = await db.ping.findFirst({
      where: { checkId, n: { gte: beforeN } },
      orderBy: { n: "asc" },
      select: { createdAt: true },
    });
    end = boundary?.createdAt ?? null;
  }
  const oldest = pings.at(-1);
  const full = pings.length === limit && oldest !== undefined;
  const start = full ? oldest.createdAt : null;
  const window = { ...(start ? { gte: start } : {}), ...(end ? { lt: end } : {}) };

  const [flips, notifications, heads, durations, older] = await Promise.all([
    db.flip.findMany({
      where: { checkId, createdAt: window },
      orderBy: { createdAt: "desc" },
      take: MAX_OTHER_EVENTS,
    }),
    db.notification.findMany({
      where: { checkId, createdAt: window },
      orderBy: { createdAt: "desc" },
      take: MAX_OTHER_EVENTS,
      include: { channel: { select: { code: true, kind: true, name: true, config: true } } },
    }),
    pings.length
      ? db.$queryRaw<{ n: number | bigint; size: number | bigint | null; head: string | null }[]>`
          SELECT n, length(body) AS size, ${hexHead()} AS head
          FROM pings WHERE check_id = ${checkId} AND n >= ${oldest!.n} AND n <= ${pings[0]!.n} AND body IS NOT NULL`
      : Promise.resolve([]),
    getPingDurations(checkId, pings),
    full ? db.ping.findFirst({ where: { checkId, n: { lt: oldest.n } }, select: { n: true } }) : Promise.resolve(null),
  ]);
  const failureOf = countFailures(pings, found.failureThreshold, older === null);

  const bodies = new Map(heads.map((h) => [Number(h.n), { size: Number(h.size ?? 0), head: Buffer.from(h.head ?? "", "hex") }]));
  const events: CheckEvent[] = [
    ...pings.map((p): PingEvent => {
      const body = bodies.get(p.n);
      return {
        type: "ping",
        at: p.createdAt.getTime(),
        n: p.n,
        kind: (p.kind ?? "success") as PingKind,
        scheme: p.scheme,
        remoteAddr: p.remoteAddr,
        method: p.method,
        ua: p.ua,
        exitStatus: p.exitStatus,
        rid: p.rid,
        durationMs: durations.get(p.n) ?? null,
        bodySize: body?.size ?? 0,
        bodyPreview: body ? getPreview(body.head, p.scheme) : "",
        failureOf: failureOf.get(p.n) ?? null,
        ...(isWithin(p.createdAt, maintenance) ? { maintenance: true as const } : {}),
      };
    }),
    ...flips.map((f): FlipEvent => ({
      type: "flip",
      at: f.createdAt.getTime(),
      oldStatus: f.oldStatus,
      newStatus: f.newStatus,
      reason: f.reason,
      ...(ALERTING.has(f.newStatus) && isWithin(f.createdAt, maintenance) ? { held: "maintenance" as const } : {}),
    })),
    ...notifications.map((x): NotificationEvent => ({
      type: "notification",
      at: x.createdAt.getTime(),
      channelCode: x.channel.code,
      channelKind: x.channel.kind,
      channelLabel: getChannelLabel(x.channel),
      checkStatus: x.checkStatus,
      error: x.error,
      reminder: x.reminder,
    })),
  ];
  // Newest first; at the same instant a consequence is listed above its cause (notification,
  // then the flip, then the ping that caused it), as later events are.
  const rank = { notification: 0, flip: 1, ping: 2 } as const;
  events.sort((a, b) => b.at - a.at || rank[a.type] - rank[b.type]);
  return { events, olderBeforeN: older ? oldest!.n : null };
}
