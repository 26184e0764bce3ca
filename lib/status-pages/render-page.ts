// The public status page as HTML: string templates over a snapshot, escaped at every
// interpolation, inline CSS, no JavaScript. It must stay small (a 10-component page with a few
// incidents under 60 KB before compression) because everyone loads it at once when something is
// down, and readable on a phone, in dark mode and with a screen reader: each uptime bar is one
// labelled image, not 90 unlabelled cells.
import { escapeHtml, formatDateTime, formatDuration } from "../format";
import { COMPONENT_STATUS_LABELS, getUpdateStatusLabel } from "./component-status";
import { formatLocalDate, getIncidentStatus, type IncidentRow } from "./statuspage-json";
import {
  isMaintenanceInProgress,
  isUpcomingMaintenance,
  RECENT_INCIDENT_DAYS,
  UPTIME_DAYS,
  type PageSnapshot,
  type SnapshotComponent,
} from "./snapshot";
import type { ComponentStatus, UptimeDay } from "./types";

const e = escapeHtml;
const DAY_MS = 86_400_000;

export interface RenderOptions {
  /** Where the page's own paths start: "/status/<slug>", or "" on a custom domain. */
  basePath: string;
}

const CSS = `
:root{--bg:#fff;--fg:#1f2328;--mute:#656d76;--line:#d0d7de;--card:#f6f8fa;--up:#2da44e;--a:#9bc53d;--b:#e3a008;--d:#cf222e;--n:#d0d7de;--m:#3b82f6;--link:#0969da}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0d1117;--fg:#e6edf3;--mute:#8d96a0;--line:#30363d;--card:#161b22;--n:#30363d;--link:#4493f8}}
:root[data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;--mute:#8d96a0;--line:#30363d;--card:#161b22;--n:#30363d;--link:#4493f8}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--link)}main{max-width:52rem;margin:0 auto;padding:1rem}
header{display:flex;gap:1rem;align-items:center;margin:1rem 0}header img{max-height:3rem;max-width:10rem}h1{font-size:1.6rem;margin:0}
h2{font-size:1.2rem;margin:2rem 0 .5rem}h3{font-size:1rem;margin:0}p{margin:.25rem 0}.mute{color:var(--mute);font-size:.875rem}
.state{padding:1rem;border-radius:.5rem;color:#fff;font-weight:600;font-size:1.15rem;margin:1rem 0;background:var(--up)}
.state.minor{background:var(--b)}.state.major{background:#d1590f}.state.critical{background:var(--d)}.state.maint{background:var(--m)}
.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:.75rem 0;background:var(--card)}
.card.impact-minor{border-left:4px solid var(--b)}.card.impact-major{border-left:4px solid #d1590f}.card.impact-critical{border-left:4px solid var(--d)}.card.maint{border-left:4px solid var(--m)}
.upd{margin:.5rem 0 0}.upd b{text-transform:capitalize}
ul.comps{list-style:none;margin:0;padding:0;border:1px solid var(--line);border-radius:.5rem}
ul.comps>li{padding:.75rem 1rem;border-top:1px solid var(--line)}ul.comps>li:first-child{border-top:0}
.row{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap}
.st{font-size:.875rem;font-weight:600}.st.operational{color:var(--up)}.st.degraded_performance{color:var(--b)}.st.partial_outage{color:#d1590f}.st.major_outage{color:var(--d)}.st.under_maintenance{color:var(--m)}
.bar{display:flex;gap:1px;height:2rem;margin:.5rem 0 .25rem}.bar i{flex:1;border-radius:1px;background:var(--n)}
.bar .u{background:var(--up)}.bar .a{background:var(--a)}.bar .b{background:var(--b)}.bar .d{background:var(--d)}.bar .m{background:var(--m)}
.bar i:hover{opacity:.7}.legend{display:flex;justify-content:space-between}
form{display:flex;gap:.5rem;flex-wrap:wrap;margin:.5rem 0}input{font:inherit;padding:.4rem .6rem;border:1px solid var(--line);border-radius:.375rem;background:var(--bg);color:var(--fg);flex:1;min-width:12rem}
button{font:inherit;padding:.4rem .9rem;border:0;border-radius:.375rem;background:var(--link);color:#fff;cursor:pointer}
footer{margin:3rem 0 1rem;color:var(--mute);font-size:.875rem}
@media (max-width:40rem){.bar{height:1.5rem;gap:0}.bar i{border-radius:0}h1{font-size:1.3rem}}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`.trim();

function themeAttr(theme: string): string {
  return theme === "light" || theme === "dark" ? ` data-theme=${theme}` : "";
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url);
}

function time(date: Date, tz: string): string {
  return `<time datetime="${date.toISOString()}">${e(formatDateTime(date, tz, { seconds: false }))}</time>`;
}

function percent(uptime: number): string {
  // Floored, so one failure never reads 100.00%.
  return `${(Math.floor(uptime * 10_000) / 100).toFixed(2)}%`;
}

function dayClass(day: UptimeDay): string {
  if (day.uptime === null) return day.maintenanceSeconds > 0 ? "m" : "n";
  if (day.uptime >= 1) return "u";
  if (day.uptime >= 0.99) return "a";
  if (day.uptime >= 0.95) return "b";
  return "d";
}

function dayTitle(day: UptimeDay): string {
  const parts = [day.date];
  if (day.uptime === null) parts.push(day.maintenanceSeconds > 0 ? "maintenance" : "no data");
  else parts.push(percent(day.uptime));
  if (day.downSeconds > 0) parts.push(`down ${formatDuration(day.downSeconds)}`);
  if (day.degradedSeconds > 0) parts.push(`degraded ${formatDuration(day.degradedSeconds)}`);
  if (day.uptime !== null && day.maintenanceSeconds > 0) parts.push(`maintenance ${formatDuration(day.maintenanceSeconds)}`);
  for (const incident of day.incidents) parts.push(incident.name);
  return parts.join(" · ");
}

/** The last `count` local dates ending at `now`'s, oldest first (bars without data). */
function lastDates(now: Date, tz: string, count: number): string[] {
  const today = formatLocalDate(now, tz);
  const base = Date.parse(`${today}T00:00:00Z`);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(new Date(base - i * DAY_MS).toISOString().slice(0, 10));
  return out;
}

function noDataDay(date: string): UptimeDay {
  return { date, uptime: null, knownSeconds: 0, downSeconds: 0, degradedSeconds: 0, maintenanceSeconds: 0, incidents: [] };
}

function renderBar(c: SnapshotComponent, snapshot: PageSnapshot): string {
  const days = c.bar?.days.length ? c.bar.days : lastDates(snapshot.now, snapshot.page.timeZone, UPTIME_DAYS).map(noDataDay);
  const uptime = c.bar?.uptime ?? null;
  const bad = days.filter((d) => d.uptime !== null && d.uptime < 1).length;
  const noData = days.filter((d) => d.uptime === null).length;
  // One text alternative for the whole bar; the cells are decoration with mouse tooltips.
  const label =
    `${c.name}, last ${days.length} days: ` +
    (uptime === null ? "no data" : `${percent(uptime)} uptime`) +
    `, ${bad} ${bad === 1 ? "day" : "days"} with downtime, ${noData} without data`;
  const cells = days.map((d) => `<i class=${dayClass(d)} title="${e(dayTitle(d))}"></i>`).join("");
  return (
    `<div class=bar role=img aria-label="${e(label)}">${cells}</div>` +
    `<div class="legend mute" aria-hidden=true><span>${days.length} days ago</span>` +
    `<span>${uptime === null ? "no data" : `${percent(uptime)} uptime`}</span><span>Today</span></div>`
  );
}

function renderComponent(c: SnapshotComponent, snapshot: PageSnapshot): string {
  return (
    `<li><div class=row><div><h3>${e(c.name)}</h3>` +
    (c.description ? `<p class=mute>${e(c.description)}</p>` : "") +
    `</div><span class="st ${c.status}">${COMPONENT_STATUS_LABELS[c.status]}</span></div>` +
    renderBar(c, snapshot) +
    `</li>`
  );
}

function renderComponents(snapshot: PageSnapshot): string {
  if (snapshot.components.length === 0) return "";
  const sections: { group: string; items: SnapshotComponent[] }[] = [];
  for (const c of snapshot.components) {
    const last = sections.at(-1);
    const existing = c.groupName ? sections.find((s) => s.group === c.groupName) : undefined;
    if (existing) existing.items.push(c);
    else if (!c.groupName && last && last.group === "") last.items.push(c);
    else sections.push({ group: c.groupName, items: [c] });
  }
  let html = `<section aria-labelledby=h-comps><h2 id=h-comps>Components</h2>`;
  for (const s of sections) {
    if (s.group) html += `<h3 style="margin:1rem 0 .5rem">${e(s.group)}</h3>`;
    html += `<ul class=comps>${s.items.map((c) => renderComponent(c, snapshot)).join("")}</ul>`;
  }
  return html + `</section>`;
}

function affectedNames(incident: IncidentRow, snapshot: PageSnapshot): string[] {
  const byCode = new Map(snapshot.components.map((c) => [c.code, c.name]));
  return incident.components.map((l) => byCode.get(l.component.code)).filter((n): n is string => Boolean(n));
}


function bodyHtml(body: string): string {
  return e(body).replace(/\r?\n/g, "<br>");
}

/** An incident or maintenance with its updates (newest first). */
export function renderIncident(incident: IncidentRow, snapshot: PageSnapshot, opts: { updates: "all" | "latest" }): string {
  const tz = snapshot.page.timeZone;
  const status = getIncidentStatus(incident, snapshot.now);
  const maint = incident.kind === "maintenance";
  const cls = maint ? "maint" : `impact-${e(incident.impact)}`;
  const names = affectedNames(incident, snapshot);
  const updates = [...incident.updates].sort((a, b) => b.displayAt.getTime() - a.displayAt.getTime() || b.code.localeCompare(a.code));
  const shown = opts.updates === "all" ? updates : updates.slice(0, 1);
  let html = `<article class="card ${cls}" id="incident-${e(incident.code)}"><h3>${e(incident.name)}</h3>`;
  html += `<p class=mute>${e(getUpdateStatusLabel(status))}`;
  if (maint && incident.scheduledFor && incident.scheduledUntil) {
    html += ` · ${time(incident.scheduledFor, tz)} – ${time(incident.scheduledUntil, tz)}`;
  } else if (!maint) {
    html += ` · ${e(incident.impact)} impact · since ${time(incident.startedAt, tz)}`;
  }
  html += `</p>`;
  if (names.length) html += `<p class=mute>Affects: ${names.map(e).join(", ")}</p>`;
  for (const u of shown) {
    html += `<p class=upd><b>${e(getUpdateStatusLabel(u.status))}</b> – ${bodyHtml(u.body)} <span class=mute>${time(u.displayAt, tz)}</span></p>`;
  }
  return html + `</article>`;
}

function head(snapshot: PageSnapshot, opts: RenderOptions, title: string): string {
  const base = e(opts.basePath);
  const desc = snapshot.page.description || `${snapshot.ref.name} status`;
  return (
    `<!doctype html><html lang=en${themeAttr(snapshot.page.theme)}><head><meta charset=utf-8>` +
    `<meta name=viewport content="width=device-width,initial-scale=1">` +
    `<meta name=color-scheme content="${snapshot.page.theme === "system" ? "light dark" : snapshot.page.theme}">` +
    `<title>${e(title)}</title><meta name=description content="${e(desc)}">` +
    `<link rel=alternate type="application/atom+xml" title="${e(snapshot.ref.name)} status history (Atom)" href="${base}/history.atom">` +
    `<link rel=alternate type="application/rss+xml" title="${e(snapshot.ref.name)} status history (RSS)" href="${base}/history.rss">` +
    `<style>${CSS}</style></head><body><main>` +
    `<header>${isHttpUrl(snapshot.page.logoUrl) ? `<img src="${e(snapshot.page.logoUrl)}" alt="">` : ""}` +
    `<div><h1><a href="${base || "/"}" style="color:inherit;text-decoration:none">${e(snapshot.ref.name)}</a></h1>` +
    (snapshot.page.description ? `<p class=mute>${e(snapshot.page.description)}</p>` : "") +
    `</div></header>`
  );
}

function foot(snapshot: PageSnapshot, opts: RenderOptions): string {
  const base = e(opts.basePath);
  return (
    `<footer><p>Feeds: <a href="${base}/history.atom">Atom</a> · <a href="${base}/history.rss">RSS</a> · ` +
    `<a href="${base}/api/v2/summary.json">JSON</a> · <a href="${base}/badge.svg">Badge</a></p>` +
    `<p>Updated ${time(snapshot.now, snapshot.page.timeZone)} · Powered by Vigil</p></footer></main></body></html>`
  );
}

function stateClass(snapshot: PageSnapshot): string {
  if (snapshot.status.indicator !== "none") return snapshot.status.indicator;
  return snapshot.status.description === "Service Under Maintenance" ? "maint" : "none";
}

function renderSubscribe(opts: RenderOptions): string {
  const action = e(`${opts.basePath}/subscribe`);
  return (
    `<section aria-labelledby=h-sub><h2 id=h-sub>Get updates</h2>` +
    `<form method=post action="${action}"><input type=hidden name=kind value=email>` +
    `<label class=sr for=sub-email>E-mail address</label>` +
    `<input id=sub-email type=email name=email required placeholder="you@example.com" autocomplete=email>` +
    `<button>Subscribe by e-mail</button></form>` +
    `<details><summary class=mute>Subscribe a webhook</summary>` +
    `<form method=post action="${action}"><input type=hidden name=kind value=webhook>` +
    `<label class=sr for=sub-url>Webhook URL</label><input id=sub-url type=url name=webhook_url required placeholder="https://example.com/hook">` +
    `<label class=sr for=sub-wemail>E-mail for delivery failures</label>` +
    `<input id=sub-wemail type=email name=email required placeholder="E-mail for failures" autocomplete=email>` +
    `<button>Subscribe webhook</button></form></details>` +
    `<p class=mute>Or follow the <a href="${e(opts.basePath)}/history.atom">Atom</a> or <a href="${e(opts.basePath)}/history.rss">RSS</a> feed.</p></section>`
  );
}

/** The page at `/status/<slug>` (or `/` on its custom domain). */
export function renderStatusPage(snapshot: PageSnapshot, opts: RenderOptions): string {
  const now = snapshot.now;
  const active = snapshot.incidents.filter((i) => i.kind === "incident" && getIncidentStatus(i, now) !== "resolved" && getIncidentStatus(i, now) !== "postmortem");
  const maintenances = snapshot.incidents.filter((i) => isMaintenanceInProgress(i, now));
  const upcoming = snapshot.incidents
    .filter((i) => isUpcomingMaintenance(i, now))
    .sort((a, b) => (a.scheduledFor?.getTime() ?? 0) - (b.scheduledFor?.getTime() ?? 0));
  const since = now.getTime() - RECENT_INCIDENT_DAYS * DAY_MS;
  const shown = new Set([...active, ...maintenances, ...upcoming]);
  const past = snapshot.incidents.filter((i) => !shown.has(i) && i.createdAt.getTime() >= since);

  let html = head(snapshot, opts, `${snapshot.ref.name} status`);
  html += `<p class="state ${stateClass(snapshot)}" role=status>${e(snapshot.status.description)}</p>`;
  if (active.length || maintenances.length) {
    html += `<section aria-labelledby=h-active><h2 id=h-active>Current incidents and maintenance</h2>`;
    for (const i of [...active, ...maintenances]) html += renderIncident(i, snapshot, { updates: "all" });
    html += `</section>`;
  }
  html += renderComponents(snapshot);
  if (upcoming.length) {
    html += `<section aria-labelledby=h-up><h2 id=h-up>Scheduled maintenance</h2>`;
    for (const i of upcoming) html += renderIncident(i, snapshot, { updates: "latest" });
    html += `</section>`;
  }
  html += `<section aria-labelledby=h-past><h2 id=h-past>Past incidents</h2>`;
  if (past.length === 0) html += `<p class=mute>No incidents in the last ${RECENT_INCIDENT_DAYS} days.</p>`;
  for (const i of past) html += renderIncident(i, snapshot, { updates: "latest" });
  html += `<p><a href="${e(opts.basePath)}/history">Incident history</a></p></section>`;
  html += renderSubscribe(opts);
  return html + foot(snapshot, opts);
}

/** `/status/<slug>/history`: every incident and maintenance of the last year, by month. */
export function renderHistoryPage(snapshot: PageSnapshot, opts: RenderOptions): string {
  const tz = snapshot.page.timeZone;
  let html = head(snapshot, opts, `${snapshot.ref.name} incident history`);
  html += `<p><a href="${e(opts.basePath) || "/"}">← Current status</a></p><h2>Incident history</h2>`;
  if (snapshot.incidents.length === 0) html += `<p class=mute>No incidents or maintenance in the last 12 months.</p>`;
  let month = "";
  for (const i of snapshot.incidents) {
    const m = formatLocalDate(i.kind === "maintenance" && i.scheduledFor ? i.scheduledFor : i.createdAt, tz).slice(0, 7);
    if (m !== month) {
      month = m;
      html += `<h3 style="margin:1.5rem 0 .25rem">${e(m)}</h3>`;
    }
    html += renderIncident(i, snapshot, { updates: "all" });
  }
  return html + foot(snapshot, opts);
}

function plainPage(title: string, body: string): string {
  return (
    `<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width,initial-scale=1">` +
    `<meta name=color-scheme content="light dark"><meta name=robots content=noindex><title>${e(title)}</title>` +
    `<style>${CSS}</style></head><body><main>${body}</main></body></html>`
  );
}

export function renderNotFoundPage(): string {
  return plainPage("Status page not found", `<h1>Status page not found</h1><p class=mute>There is no status page at this address.</p>`);
}

/** The form a password-protected page shows instead of itself. */
export function renderPasswordPage(title: string, action: string, error = ""): string {
  return plainPage(
    `${title} status`,
    `<h1>${e(title)}</h1><p>This status page is protected by a password.</p>` +
      (error ? `<p class=st style="color:var(--d)" role=alert>${e(error)}</p>` : "") +
      `<form method=post action="${e(action)}"><label class=sr for=pw>Password</label>` +
      `<input id=pw type=password name=password required autocomplete=current-password placeholder=Password autofocus>` +
      `<button>View status</button></form>`,
  );
}

export function componentStatusLabel(status: ComponentStatus): string {
  return COMPONENT_STATUS_LABELS[status];
}
