// The page's history as Atom and RSS (Statuspage's `/history.atom` and `/history.rss`): one entry
// per incident or maintenance, its updates newest first in the content, so feed readers show what
// happened without visiting the page. Pure functions of the snapshot.
import { escapeHtml, formatDateTime } from "../format";
import type { PageSnapshot } from "./snapshot";
import { getIncidentStatus, type IncidentRow } from "./statuspage-json";

/** XML text/attribute escaping (escapeHtml's set is a superset of what XML needs). */
const x = escapeHtml;

/** Feeds carry the most recent entries only; the history page has the rest. */
const FEED_LIMIT = 50;

function entryHtml(incident: IncidentRow, snapshot: PageSnapshot): string {
  const tz = snapshot.page.timeZone;
  const updates = [...incident.updates].sort(
    (a, b) => b.displayAt.getTime() - a.displayAt.getTime() || b.code.localeCompare(a.code),
  );
  let html = "";
  if (incident.kind === "maintenance" && incident.scheduledFor && incident.scheduledUntil) {
    html += `<p>Scheduled ${x(formatDateTime(incident.scheduledFor, tz, { seconds: false }))} – ${x(
      formatDateTime(incident.scheduledUntil, tz, { seconds: false }),
    )}</p>`;
  }
  for (const u of updates) {
    html += `<p><small>${x(formatDateTime(u.displayAt, tz, { seconds: false }))}</small><br><strong>${x(u.status)}</strong> - ${x(u.body)}</p>`;
  }
  const byCode = new Map(snapshot.components.map((c) => [c.code, c.name]));
  const names = incident.components.map((l) => byCode.get(l.component.code)).filter(Boolean) as string[];
  if (names.length) html += `<p>Affected: ${names.map(x).join(", ")}</p>`;
  return html;
}

function lastChange(incident: IncidentRow): Date {
  let t = incident.updatedAt.getTime();
  for (const u of incident.updates) t = Math.max(t, u.createdAt.getTime());
  return new Date(t);
}

function entries(snapshot: PageSnapshot): IncidentRow[] {
  return snapshot.incidents.slice(0, FEED_LIMIT);
}

export function renderAtomFeed(snapshot: PageSnapshot): string {
  const url = snapshot.ref.url;
  const list = entries(snapshot);
  const updated = list.length ? new Date(Math.max(...list.map((i) => lastChange(i).getTime()))) : snapshot.page.updatedAt;
  let xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">` +
    `<id>tag:vigil,2026:/status/${x(snapshot.page.code)}/history</id>` +
    `<link rel="alternate" type="text/html" href="${x(url)}"/>` +
    `<link rel="self" type="application/atom+xml" href="${x(url)}/history.atom"/>` +
    `<title>${x(snapshot.ref.name)} Status - Incident History</title>` +
    `<updated>${updated.toISOString()}</updated><author><name>${x(snapshot.ref.name)}</name></author>`;
  for (const i of list) {
    const status = getIncidentStatus(i, snapshot.now);
    xml +=
      `<entry><id>tag:vigil,2026:incident/${x(i.code)}</id>` +
      `<published>${i.createdAt.toISOString()}</published><updated>${lastChange(i).toISOString()}</updated>` +
      `<link rel="alternate" type="text/html" href="${x(url)}/history#incident-${x(i.code)}"/>` +
      `<title>${x(i.name)}</title><category term="${x(status)}"/>` +
      `<content type="html">${x(entryHtml(i, snapshot))}</content></entry>`;
  }
  return xml + `</feed>\n`;
}

export function renderRssFeed(snapshot: PageSnapshot): string {
  const url = snapshot.ref.url;
  const list = entries(snapshot);
  let xml =
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>` +
    `<title>${x(snapshot.ref.name)} Status - Incident History</title><link>${x(url)}</link>` +
    `<atom:link href="${x(url)}/history.rss" rel="self" type="application/rss+xml"/>` +
    `<description>${x(snapshot.ref.name)} incidents and maintenance</description>` +
    `<language>en-us</language>`;
  if (list.length) xml += `<lastBuildDate>${lastChange(list[0]).toUTCString()}</lastBuildDate>`;
  for (const i of list) {
    xml +=
      `<item><title>${x(i.name)}</title><description>${x(entryHtml(i, snapshot))}</description>` +
      `<pubDate>${i.createdAt.toUTCString()}</pubDate>` +
      `<link>${x(url)}/history#incident-${x(i.code)}</link>` +
      `<guid isPermaLink="false">${x(i.code)}</guid></item>`;
  }
  return xml + `</channel></rss>\n`;
}
