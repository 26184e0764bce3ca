// The day walk of a component's uptime bar, pure: from the check's status history (flips), the
// hours its probe ran, the page's maintenance windows and incidents, how much of each day was
// known, down, degraded and under maintenance. Time nobody can vouch for is not counted as up:
// before the check existed, while it was new or paused, and for an active check whenever no
// probe ran (Vigil or the prober was not running). A day with nothing known has uptime null and
// is drawn grey "no data", never green.
import { civilFromDays, DAY_MS, getTimeZoneOrUtc, wallDays } from "../schedules/zoned-time";
import type { Impact, UptimeBar, UptimeDay } from "./types";

/** [start, end) in epoch ms. */
type Span = [number, number];

/** A check's status from `at` until the next change. */
export interface StatusChange {
  at: number;
  oldStatus: string;
  newStatus: string;
}

export interface UptimeIncident {
  code: string;
  name: string;
  impact: Impact;
  startedAt: number;
  /** null while unresolved: it lasts until now. */
  resolvedAt: number | null;
}

export interface UptimeWalkInput {
  /** The days of the bar, oldest first: [start, end) instants of each day on the page's wall clock. */
  days: { date: string; start: number; end: number }[];
  now: number;
  checkCreatedAt: number;
  /** The check's stored status now (after every flip). */
  status: string;
  /** Every flip of the check after the first day's start, in any order. */
  flips: StatusChange[];
  /**
   * For an active check, the starts of the hours with at least one probe run; each run vouches
   * for the check until `coverMs` after its hour ends (the probe's interval plus grace).
   * Undefined for a passive check, whose flips alone say what happened.
   */
  runHours?: number[];
  coverMs?: number;
  /** The page's maintenance windows covering the check. */
  maintenance: { start: number; end: number }[];
  incidents: UptimeIncident[];
}

const HOUR = 3_600_000;
const UNKNOWN_STATUSES = new Set(["new", "paused"]);

function normalize(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function intersect(xs: Span[], ys: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < xs.length && j < ys.length) {
    const a = Math.max(xs[i]![0], ys[j]![0]);
    const b = Math.min(xs[i]![1], ys[j]![1]);
    if (b > a) out.push([a, b]);
    if (xs[i]![1] < ys[j]![1]) i++;
    else j++;
  }
  return out;
}

function subtract(xs: Span[], ys: Span[]): Span[] {
  const out: Span[] = [];
  for (const [a0, b] of xs) {
    let a = a0;
    for (const [c, d] of ys) {
      if (d <= a || c >= b) continue;
      if (c > a) out.push([a, c]);
      a = Math.max(a, d);
      if (a >= b) break;
    }
    if (a < b) out.push([a, b]);
  }
  return out;
}

const measure = (spans: Span[]): number => spans.reduce((sum, [a, b]) => sum + (b - a), 0);

/**
 * The check's status over time from `from` on, as spans per status: walks the flips backwards
 * from the status it has now, as the downtime summaries do.
 */
export function getStatusSpans(status: string, flips: StatusChange[], from: number, until: number): Map<string, Span[]> {
  const byStatus = new Map<string, Span[]>();
  const add = (s: string, a: number, b: number) => {
    const lo = Math.max(a, from);
    const hi = Math.min(b, until);
    if (hi <= lo) return;
    const list = byStatus.get(s);
    if (list) list.push([lo, hi]);
    else byStatus.set(s, [[lo, hi]]);
  };
  const sorted = [...flips].sort((a, b) => b.at - a.at);
  let end = Infinity;
  let current = status;
  for (const flip of sorted) {
    add(current, flip.at, end);
    end = flip.at;
    current = flip.oldStatus;
  }
  add(current, -Infinity, end);
  for (const [s, spans] of byStatus) byStatus.set(s, normalize(spans));
  return byStatus;
}

export interface UptimeDayBounds {
  /** "YYYY-MM-DD" on the zone's wall clock. */
  date: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The last `count` days on the wall clock of `timeZone` (an unknown zone counts as UTC), oldest
 * first, today last. Days are real elapsed time: a day with a DST change lasts 23 or 25 hours,
 * and a midnight inside a DST gap begins at the first instant after it.
 */
export function getUptimeDays(count: number, timeZone: string, now: Date): UptimeDayBounds[] {
  const zone = getTimeZoneOrUtc(timeZone);
  const today = wallDays(zone.toWall(now.getTime()).wall);
  const midnight = (day: number) => zone.toUtc(day * DAY_MS);
  const days: UptimeDayBounds[] = [];
  for (let day = today - count + 1; day <= today; day++) {
    const { year, month, day: dom } = civilFromDays(day);
    days.push({ date: `${year}-${pad(month)}-${pad(dom)}`, start: midnight(day), end: midnight(day + 1) });
  }
  return days;
}

/** Floors a fraction to two decimals of a percent, so one failure never shows 100%: 0.99996 → "99.99%". */
export function formatUptime(fraction: number | null): string {
  if (fraction === null) return "No data";
  // The epsilon keeps 0.9995 (stored as 0.99949999…) at 99.95.
  const hundredths = Math.floor(fraction * 10_000 + 1e-9);
  return `${(Math.max(0, Math.min(10_000, hundredths)) / 100).toFixed(2)}%`;
}

/** Walks the bar's days and returns each day's figures, oldest first, with the uptime over all of them. */
export function walkUptimeDays(input: UptimeWalkInput): UptimeBar {
  const first = input.days[0]?.start ?? input.now;
  const spans = getStatusSpans(input.status, input.flips, first, input.now);
  const all: Span[] = normalize([...spans.values()].flat());
  let known = subtract(all, normalize([...UNKNOWN_STATUSES].flatMap((s) => spans.get(s) ?? [])));
  known = intersect(known, [[input.checkCreatedAt, input.now]]);
  if (input.runHours) {
    const cover = input.coverMs ?? 0;
    known = intersect(known, normalize(input.runHours.map((h): Span => [h, h + HOUR + cover])));
  }
  const maintenance = normalize(input.maintenance.map((m): Span => [m.start, m.end]));
  const existing = intersect([[input.checkCreatedAt, input.now]], [[first, input.now]]);
  const counted = subtract(known, maintenance);
  const down = intersect(counted, spans.get("down") ?? []);
  const degraded = intersect(counted, spans.get("degraded") ?? []);
  const inMaintenance = intersect(existing, maintenance);

  let knownTotal = 0;
  let upTotal = 0;
  const days = input.days.map((day): UptimeDay => {
    const range: Span[] = [[day.start, Math.min(day.end, input.now)]];
    const knownMs = measure(intersect(counted, range));
    const downMs = measure(intersect(down, range));
    knownTotal += knownMs;
    upTotal += knownMs - downMs;
    return {
      date: day.date,
      uptime: knownMs > 0 ? (knownMs - downMs) / knownMs : null,
      knownSeconds: knownMs / 1000,
      downSeconds: downMs / 1000,
      degradedSeconds: measure(intersect(degraded, range)) / 1000,
      maintenanceSeconds: measure(intersect(inMaintenance, range)) / 1000,
      incidents: input.incidents
        .filter((i) => {
          const end = Math.max(i.resolvedAt ?? input.now, i.startedAt + 1);
          return i.startedAt < day.end && end > day.start;
        })
        .sort((a, b) => a.startedAt - b.startedAt)
        .map(({ code, name, impact }) => ({ code, name, impact })),
    };
  });
  return { days, uptime: knownTotal > 0 ? upTotal / knownTotal : null };
}
