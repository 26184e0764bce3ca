// What a badge shows and how it is drawn, byte for byte as Healthchecks draws it
// (hc/lib/badges.py, templates/badge.svg): the status over a set of checks, the SVG image, the
// JSON and shields.io bodies, and the shields.io image URL. Pure: the badges page's client code
// imports this module too.
import type { CheckStatus } from "../checks/status";
import { formatPythonFloat, quotePlusPython, toPythonJson } from "../compat/python";
import { escapeHtml } from "../format";

/** What a badge shows. "late" only on three-state badges (a check in its grace time). */
export type BadgeStatus = "up" | "late" | "down";

export type BadgeFormat = "svg" | "json" | "shields";

/** The counts behind a badge, as its JSON format reports them. */
export interface BadgeSummary {
  status: BadgeStatus;
  total: number;
  grace: number;
  down: number;
}

/**
 * Healthchecks' badge aggregation over the checks' get_status() values: any "down" makes the
 * badge down; otherwise any "grace" makes it late, on three-state badges only (`withLate`);
 * everything else, new and paused included, counts as up. `grace` and `down` are counted
 * either way, so a two-state JSON badge still tells how many checks are late.
 */
export function summarizeBadgeStatuses(statuses: readonly CheckStatus[], withLate: boolean): BadgeSummary {
  const summary: BadgeSummary = { status: "up", total: statuses.length, grace: 0, down: 0 };
  for (const s of statuses) {
    if (s === "down") {
      summary.down += 1;
      summary.status = "down";
    } else if (s === "grace") {
      summary.grace += 1;
      if (summary.status === "up" && withLate) summary.status = "late";
    }
  }
  return summary;
}

// Healthchecks' per-character widths (hc/lib/badges.py), in pixels of 11 px Verdana. Only
// these exact numbers make a badge the same size as the one Healthchecks draws.
const WIDTHS: Record<string, number> = {
  a: 7, b: 7, c: 6, d: 7, e: 6, f: 4, g: 7, h: 7, i: 3, j: 3, k: 7, l: 3, m: 10,
  n: 7, o: 7, p: 7, q: 7, r: 4, s: 6, t: 5, u: 7, v: 7, w: 9, x: 6, y: 7, z: 7,
  "0": 7, "1": 6, "2": 7, "3": 7, "4": 7, "5": 7, "6": 7, "7": 7, "8": 7, "9": 7,
  A: 8, B: 7, C: 8, D: 8, E: 7, F: 6, G: 9, H: 8, I: 3, J: 4, K: 7, L: 6, M: 10,
  N: 8, O: 9, P: 6, Q: 9, R: 7, S: 7, T: 7, U: 8, V: 8, W: 11, X: 7, Y: 7, Z: 7,
  "-": 4, _: 6,
};
const DEFAULT_WIDTH = 7;

/** The text's width in pixels (Healthchecks' get_width): unknown characters count 7. */
export function getTextWidth(text: string): number {
  let total = 0;
  // for..of walks code points, as Python does, so an emoji counts once, not per surrogate.
  for (const c of text) total += Object.hasOwn(WIDTHS, c) ? WIDTHS[c] : DEFAULT_WIDTH;
  return total;
}

const COLORS: Record<BadgeStatus, string> = { up: "#4c1", late: "#fe7d37", down: "#e05d44" };

/**
 * The badge image, byte for byte what Healthchecks' get_badge_svg() renders from
 * templates/badge.svg: a 20 px flat badge, the label on grey, the status on its colour, each
 * side as wide as its text (getTextWidth) plus 10 px. Text centres are Python floats ("29.0").
 */
export function renderBadgeSvg(label: string, status: BadgeStatus): string {
  const w1 = getTextWidth(label) + 10;
  const w2 = getTextWidth(status) + 10;
  const width = String(w1 + w2);
  const tagX = formatPythonFloat(w1 / 2);
  const statusX = formatPythonFloat(w1 + w2 / 2);
  const tag = escapeHtml(label);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="20">
  <linearGradient id="smooth" x2="0" y2="100%">
    <stop offset="0" stop-color="#bbb" stop-opacity=".1"/>
    <stop offset="1" stop-opacity=".1"/>
  </linearGradient>

  <mask id="round">
    <rect width="${width}" height="20" rx="3" fill="#fff"/>
  </mask>

  <g mask="url(#round)">
    <rect width="${w1}" height="20" fill="#555"/>
    <rect x="${w1}" width="${w2}" height="20" fill="${COLORS[status]}"/>
    <rect width="${width}" height="20" fill="url(#smooth)"/>
  </g>

  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="11">
    <text x="${tagX}" y="15" fill="#010101" fill-opacity=".3">${tag}</text>
    <text x="${tagX}" y="14">${tag}</text>
    <text x="${statusX}" y="15" fill="#010101" fill-opacity=".3">${status}</text>
    <text x="${statusX}" y="14">${status}</text>
  </g>
</svg>
`;
}

/** The JSON badge, spaced as Django's JsonResponse writes it: {"status": "up", "total": 3, ...}. */
export function renderBadgeJson(summary: BadgeSummary): string {
  return toPythonJson({ status: summary.status, total: summary.total, grace: summary.grace, down: summary.down });
}

const SHIELDS_COLORS: Record<BadgeStatus, string> = { up: "success", late: "important", down: "critical" };

/** The body shields.io's endpoint badge reads (schema version 1), in Django's JSON spacing. */
export function renderShieldsJson(label: string, status: BadgeStatus): string {
  return toPythonJson({ schemaVersion: 1, label, message: status, color: SHIELDS_COLORS[status] });
}

/**
 * The shields.io badge that draws a "shields" format badge URL
 * (https://img.shields.io/endpoint?url=...), encoded as Healthchecks' badges page does.
 */
export function getShieldsEndpointUrl(badgeUrl: string): string {
  return `https://img.shields.io/endpoint?url=${quotePlusPython(badgeUrl)}`;
}
