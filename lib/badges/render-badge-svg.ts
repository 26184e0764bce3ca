import { escapeHtml } from "../format/escape-html";
import { getTextWidth } from "./get-text-width";
import type { BadgeStatus } from "./types";

const COLORS: Record<BadgeStatus, string> = { up: "#4c1", late: "#fe7d37", down: "#e05d44" };

/** Python's str() of a float: text centres are halves, and whole ones keep ".0" ("29.0"). */
function pyFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/**
 * The badge image, byte for byte what Healthchecks' get_badge_svg() renders from
 * templates/badge.svg: a 20 px flat badge, the label on grey, the status on its colour, each
 * side as wide as its text (getTextWidth) plus 10 px.
 */
export function renderBadgeSvg(label: string, status: BadgeStatus): string {
  const w1 = getTextWidth(label) + 10;
  const w2 = getTextWidth(status) + 10;
  const width = String(w1 + w2);
  const tagX = pyFloat(w1 / 2);
  const statusX = pyFloat(w1 + w2 / 2);
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
