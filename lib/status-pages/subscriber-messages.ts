// What subscribers receive: the confirmation mail, and for each event an e-mail (text and HTML,
// with RFC 8058 one-click unsubscribe headers) or Statuspage's subscriber webhook JSON
// ({meta:{unsubscribe, documentation}, page:{id, status_indicator, status_description}, incident}),
// so receivers written for Statuspage's webhooks read Vigil's unchanged.
import { getDb, type StatusPage, type StatusSubscriber } from "../db";
import { getEnv } from "../env";
import { escapeHtml } from "../format";
import type { MailMessage } from "../mail";
import { COMPONENT_STATUS_LABELS, getUpdateStatusLabel, type PageStatus } from "./component-status";
import { loadPageSnapshot } from "./snapshot";
import {
  INCIDENT_ROW_INCLUDE,
  linkStatus,
  serializeIncident,
  type ComponentRow,
  type StatuspageIncident,
} from "./statuspage-json";
import { CONFIRM_LINK_DAYS, getConfirmUrl, getUnsubscribeUrl } from "./subscriber-links";
import type { ComponentStatus } from "./types";

/** Where Statuspage documents the webhook format Vigil sends. */
export const WEBHOOK_DOCUMENTATION_URL = "https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/";

/** Everything one event's messages are made of, read once per event and shared by its deliveries. */
export interface EventMessage {
  page: StatusPage;
  pageUrl: string;
  pageStatus: PageStatus;
  incident: StatuspageIncident;
  kind: string;
  /** The status and body the event announces (its update's). */
  status: string;
  body: string;
  /** The components the event is about, with the status it gives them (as it was, not as it is at sending time). */
  affected: { name: string; status: ComponentStatus }[];
}

const CLOSING_STATUSES = new Set(["resolved", "postmortem", "completed"]);

/**
 * The affected components as of the event: the update's own list when it has one, else the status
 * the incident gives each component, or their current status for an update that closes it.
 */
function getAffected(
  updateAffected: string | undefined,
  status: string,
  links: { status: string; component: { code: string } }[],
  rows: readonly ComponentRow[],
): { name: string; status: ComponentStatus }[] {
  try {
    const list: unknown = JSON.parse(updateAffected ?? "[]");
    if (Array.isArray(list) && list.length) {
      return list.map((a: { name?: unknown; new_status?: unknown }) => ({ name: String(a.name ?? ""), status: linkStatus(String(a.new_status ?? "")) }));
    }
  } catch {
    // A malformed list reads as none: fall back to the incident's links.
  }
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return links.flatMap((l) => {
    const row = byCode.get(l.component.code);
    if (!row) return [];
    return [{ name: row.name, status: CLOSING_STATUSES.has(status) ? row.status : linkStatus(l.status) }];
  });
}

/** Reads an event with its page, incident and the page's component statuses; null when it is gone. */
export async function loadEventMessage(eventId: number, now = new Date()): Promise<EventMessage | null> {
  const db = getDb();
  const event = await db.statusEvent.findUnique({
    where: { id: eventId },
    include: { page: true, incident: { include: INCIDENT_ROW_INCLUDE } },
  });
  if (!event) return null;
  const { page, incident } = event;
  // What the page shows now, by the page's own rules (open incidents, running maintenances).
  const snapshot = await loadPageSnapshot(page.id, now, db, { bars: false });
  if (!snapshot) return null;
  const rows: readonly ComponentRow[] = snapshot.components;
  const pageUrl = snapshot.ref.url;
  const serialized = serializeIncident(incident, { page: snapshot.ref, components: snapshot.statuspageComponents, now });
  const update = incident.updates.find((u) => u.code === event.updateCode) ?? null;
  const status = update?.status ?? serialized.status;
  return {
    page,
    pageUrl,
    pageStatus: snapshot.status,
    incident: serialized,
    kind: event.kind,
    status,
    body: update?.body ?? serialized.incident_updates[0]?.body ?? "",
    affected: getAffected(update?.affected, status, incident.components, rows),
  };
}

/** Statuspage's subscriber webhook body for one event. */
export function buildWebhookPayload(message: EventMessage, subscriber: StatusSubscriber): string {
  return JSON.stringify({
    meta: { unsubscribe: getUnsubscribeUrl(message.pageUrl, subscriber), documentation: WEBHOOK_DOCUMENTATION_URL },
    page: { id: message.page.code, status_indicator: message.pageStatus.indicator, status_description: message.pageStatus.description },
    incident: message.incident,
  });
}

function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone, timeZoneName: "short" }).format(date);
  } catch {
    return date.toISOString();
  }
}

/** The event's e-mail to one subscriber: subject "[<page title>] <incident name>: <status>". */
export function buildEventMail(message: EventMessage, subscriber: StatusSubscriber): MailMessage {
  const { page, pageUrl, incident } = message;
  const to = subscriber.kind === "email" ? subscriber.target : subscriber.email;
  const unsubscribe = getUnsubscribeUrl(pageUrl, subscriber);
  const statusLabel = getUpdateStatusLabel(message.status);
  const components = message.affected.map((c) => `${c.name}: ${COMPONENT_STATUS_LABELS[c.status]}`);
  const window =
    incident.scheduled_for && incident.scheduled_until
      ? `${formatTime(incident.scheduled_for, page.timeZone)} – ${formatTime(incident.scheduled_until, page.timeZone)}`
      : "";
  const text = [
    incident.name,
    "",
    `${statusLabel}${message.body ? ` - ${message.body}` : ""}`,
    "",
    ...(window ? [`Scheduled: ${window}`, ""] : []),
    ...(components.length ? ["Affected components:", ...components.map((c) => `- ${c}`), ""] : []),
    `Status page: ${pageUrl}`,
    "",
    "--",
    `You receive this because you subscribed to updates from ${page.title}.`,
    `Unsubscribe: ${unsubscribe}`,
    "",
  ].join("\n");
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">`,
    `<h1 style="font-size:1.25em">${escapeHtml(incident.name)}</h1>`,
    `<p><strong>${escapeHtml(statusLabel)}</strong>${message.body ? ` - ${escapeHtml(message.body).replace(/\n/g, "<br>")}` : ""}</p>`,
    window ? `<p>Scheduled: ${escapeHtml(window)}</p>` : "",
    components.length ? `<p>Affected components:</p><ul>${components.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul>` : "",
    `<p><a href="${escapeHtml(pageUrl)}">View the status page</a></p>`,
    `<hr><p style="font-size:.85em;color:#555">You receive this because you subscribed to updates from ${escapeHtml(page.title)}. `,
    `<a href="${escapeHtml(unsubscribe)}">Unsubscribe</a></p>`,
    `</body></html>`,
  ].join("");
  return {
    to,
    subject: `[${page.title}] ${incident.name}: ${statusLabel}`,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}

/** The double opt-in mail, its link under `baseUrl` (the page's root as the visitor reached it). */
export function buildConfirmationMail(page: { title: string }, subscriber: StatusSubscriber, baseUrl: string, now = new Date()): MailMessage {
  const link = getConfirmUrl(baseUrl, subscriber, now);
  const what =
    subscriber.kind === "email" ? "this address" : `the webhook ${subscriber.target} (this address was given to confirm it)`;
  const to = subscriber.kind === "email" ? subscriber.target : subscriber.email;
  const text = [
    "Hello,",
    "",
    `Someone (probably you) asked to send incident and maintenance notifications from ${page.title} to ${what}.`,
    "To start receiving them, confirm by opening this link:",
    "",
    link,
    "",
    `The link works for ${CONFIRM_LINK_DAYS} days. If you did not ask for this, ignore this message: nothing will be sent.`,
    "",
    "--",
    getEnv().siteName,
    "",
  ].join("\n");
  return { to, subject: `Confirm your subscription to ${page.title}`, text, headers: { "Auto-Submitted": "auto-generated" } };
}
