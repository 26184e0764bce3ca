// A status page's badge: its one-line state as a flat SVG in the shape Healthchecks' check
// badges use, and as shields.io endpoint JSON ({schemaVersion, label, message, color}).
import { getTextWidth } from "../badges/render";
import { escapeHtml } from "../format";
import type { PageStatus } from "./component-status";
import type { PageIndicator } from "./types";

const COLORS: Record<PageIndicator, string> = { none: "#4c1", minor: "#dfb317", major: "#fe7d37", critical: "#e05d44" };
const SHIELDS_COLORS: Record<PageIndicator, string> = { none: "success", minor: "yellow", major: "orange", critical: "critical" };
const MAINTENANCE_COLOR = "#007ec6";

function isMaintenance(status: PageStatus): boolean {
  return status.indicator === "none" && status.description === "Service Under Maintenance";
}

export function renderPageBadgeSvg(label: string, status: PageStatus): string {
  const message = status.description.toLowerCase();
  const w1 = getTextWidth(label) + 10;
  const w2 = getTextWidth(message) + 10;
  const width = w1 + w2;
  const color = isMaintenance(status) ? MAINTENANCE_COLOR : COLORS[status.indicator];
  const tag = escapeHtml(label);
  const msg = escapeHtml(message);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${tag}: ${msg}">` +
    `<title>${tag}: ${msg}</title>` +
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` +
    `<mask id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></mask>` +
    `<g mask="url(#r)"><rect width="${w1}" height="20" fill="#555"/><rect x="${w1}" width="${w2}" height="20" fill="${color}"/>` +
    `<rect width="${width}" height="20" fill="url(#s)"/></g>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="${w1 / 2}" y="15" fill="#010101" fill-opacity=".3">${tag}</text><text x="${w1 / 2}" y="14">${tag}</text>` +
    `<text x="${w1 + w2 / 2}" y="15" fill="#010101" fill-opacity=".3">${msg}</text><text x="${w1 + w2 / 2}" y="14">${msg}</text></g></svg>\n`
  );
}

export function renderPageBadgeJson(label: string, status: PageStatus): string {
  return JSON.stringify({
    schemaVersion: 1,
    label,
    message: status.description.toLowerCase(),
    color: isMaintenance(status) ? "blue" : SHIELDS_COLORS[status.indicator],
  });
}
