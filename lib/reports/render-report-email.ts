import { formatAgo } from "../integrations/message";
import { toTwoStateStatus, type CheckStatus } from "../checks/status";
import { getEnv } from "../env";
import { escapeHtml as esc, formatApproxDuration } from "../format";
import type { Report, ReportCheck, ReportDowntime, ReportPeriod } from "./types";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

// Healthchecks' report colours, with Helvetica/Arial: every mail client has them.
const FONT = "font-family: Helvetica, Arial, sans-serif;";
const BADGES: Record<CheckStatus, { label: string; color: string }> = {
  new: { label: "NEW", color: "#999999" },
  paused: { label: "PAUSED", color: "#999999" },
  grace: { label: "LATE", color: "#e09b3d" },
  started: { label: "UP", color: "#4cae4c" },
  up: { label: "UP", color: "#4cae4c" },
  degraded: { label: "DEGRADED", color: "#e0b000" },
  down: { label: "DOWN", color: "#d9534f" },
};
const STATUS_ORDER: { status: CheckStatus; label: string }[] = [
  { status: "down", label: "down" },
  { status: "grace", label: "late" },
  { status: "up", label: "up" },
  { status: "new", label: "new" },
  { status: "paused", label: "paused" },
];

function zoneOrUtc(tz: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz;
  } catch {
    return "UTC";
  }
}

/** Column headings: "Oct 2026", "Oct 5 – Oct 11" (Monday to Sunday), "Mon, Oct 5". */
function getPeriodLabel(period: ReportPeriod, report: Report): string {
  const timeZone = zoneOrUtc(report.tz);
  const format = (date: Date, opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone, ...opts }).format(date);
  if (report.frequency === "monthly") return format(period.start, { month: "short", year: "numeric" });
  if (report.frequency === "daily") return format(period.start, { weekday: "short", month: "short", day: "numeric" });
  const lastDay = new Date(period.end.getTime() - 1);
  return `${format(period.start, { month: "short", day: "numeric" })} – ${format(lastDay, { month: "short", day: "numeric" })}`;
}

/** "2 downtimes, 1 hour 5 minutes total", "All good!", or "" before the check existed. */
function getDowntimeText(d: ReportDowntime): string {
  if (d.outages > 0) return `${d.outages} downtime${d.outages === 1 ? "" : "s"}, ${formatApproxDuration(d.downSeconds)} total`;
  return d.noData ? "" : "All good!";
}

function getSubject(report: Report): string {
  if (report.kind === "nag") return `Reminder: ${report.numDown} check${report.numDown === 1 ? "" : "s"} still down`;
  return `${report.frequency[0]!.toUpperCase()}${report.frequency.slice(1)} Report`;
}

/** `site` is the site's name, as text or as an HTML link. */
function getIntro(report: Report, site: string): string {
  if (report.kind === "report") return `This is a ${report.frequency} report sent by ${site}.`;
  const every = report.nagPeriod === 3600 ? "an hourly " : report.nagPeriod === 86_400 ? "a daily " : "a ";
  return `This is ${every}reminder sent by ${site}.`;
}

/** "Status now: 1 down, 3 up, 1 paused." for reports; "2 checks are currently DOWN:" for nags. */
function getSummary(report: Report): string {
  if (report.kind === "nag") return report.numDown === 1 ? "One check is currently DOWN:" : `${report.numDown} checks are currently DOWN:`;
  const checks = report.projects.flatMap((p) => p.checks);
  const parts = STATUS_ORDER.map(({ status, label }) => {
    // The summary counts as Healthchecks does, up or down: a degraded check is up.
    const n = checks.filter((c) => toTwoStateStatus(c.status) === status).length;
    return n ? `${n} ${label}` : "";
  }).filter(Boolean);
  return `Status now: ${parts.join(", ")}.`;
}

function getReason(report: Report): string {
  const site = getEnv().siteName;
  if (report.kind === "nag") {
    const every = report.nagPeriod === 3600 ? "hourly" : report.nagPeriod === 86_400 ? "daily" : "";
    return `You get this email because ${every ? `${every} ` : ""}reminders about checks that are down are turned on for your ${site} account.`;
  }
  return `You get this email because ${report.frequency} reports are turned on for your ${site} account.`;
}

function renderText(report: Report): string {
  const site = getEnv().siteName;
  const lines = ["Hello,", "", getIntro(report, site), getSummary(report)];
  for (const project of report.projects) {
    lines.push("", `Project "${project.name}"`, project.url, "");
    for (const check of project.checks) {
      const badge = BADGES[check.status].label;
      const tags = check.tags.length ? ` [${check.tags.join(" ")}]` : "";
      lines.push(`${badge.padEnd(7)}${badge.length >= 7 ? " " : ""}${check.name || "(unnamed)"}${tags}`);
      report.periods.forEach((period, i) => {
        const text = getDowntimeText(check.downtimes[i] ?? { outages: 0, downSeconds: 0, noData: true });
        if (text) lines.push(`       ${getPeriodLabel(period, report)}: ${text}`);
      });
      if (report.kind === "nag") {
        lines.push(`       Last ping: ${check.lastPing ? formatAgo(check.lastPing, report.now) : "never"}`);
        lines.push(`       ${check.url}`);
      }
    }
  }
  if (report.kind === "nag") lines.push("", `Too many notifications? Change your reminder settings: ${report.settingsUrl}`);
  lines.push("", "--", `Cheers,`, site, "", getReason(report), `Settings: ${report.settingsUrl}`, `Unsubscribe: ${report.unsubscribeUrl}`);
  return lines.join("\n") + "\n";
}

function renderBadge(status: CheckStatus): string {
  const { label, color } = BADGES[status];
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
    `<td bgcolor="${color}" style="background-color: ${color}; color: #ffffff; ${FONT} font-weight: bold; font-size: 10px; line-height: 10px; padding: 6px; border-radius: 3px; white-space: nowrap;">${label}</td>` +
    `</tr></table>`
  );
}

const CELL = `border-top: 1px solid #edeff2; padding: 12px 8px; vertical-align: top; ${FONT} font-size: 14px; line-height: 20px;`;
const HEADING = `padding: 28px 8px 8px 8px; ${FONT} font-size: 12px; line-height: 16px; color: #8a929b; vertical-align: bottom;`;

function renderCheckRow(check: ReportCheck, report: Report): string {
  const name = check.name
    ? `<a href="${esc(check.url)}" style="color: #1a6fb3; text-decoration: none;">${esc(check.name)}</a>`
    : `<a href="${esc(check.url)}" style="color: #74787e; font-style: italic; text-decoration: none;">unnamed</a>`;
  const tags = check.tags
    .map(
      (tag) =>
        `<span style="display: inline-block; background-color: #eeeeee; color: #555555; ${FONT} font-size: 11px; line-height: 12px; padding: 3px 5px; margin: 4px 4px 0 0; border-radius: 2px;">${esc(tag)}</span>`,
    )
    .join("");
  const cells = [
    `<td width="1%" style="${CELL}">${renderBadge(check.status)}</td>`,
    `<td style="${CELL} color: #333333;">${name}${tags ? `<br>${tags}` : ""}</td>`,
  ];
  report.periods.forEach((_period, i) => {
    const d = check.downtimes[i] ?? { outages: 0, downSeconds: 0, noData: true };
    const color = d.outages > 0 ? "#333333" : "#8a929b";
    const text = d.outages > 0 ? esc(getDowntimeText(d)).replace(", ", ",<br>") : esc(getDowntimeText(d));
    cells.push(`<td style="${CELL} color: ${color};">${text}</td>`);
  });
  if (report.kind === "nag") {
    const ago = check.lastPing ? esc(formatAgo(check.lastPing, report.now)) : "Never";
    cells.push(`<td style="${CELL} color: #333333; white-space: nowrap;">${ago}<br><a href="${esc(check.url)}" style="color: #1a6fb3;">Details&hellip;</a></td>`);
  }
  return `<tr>${cells.join("")}</tr>`;
}

function renderChecksTable(report: Report): string {
  const rows: string[] = [];
  for (const project of report.projects) {
    const headings = report.kind === "nag" ? ["Last Ping"] : report.periods.map((p) => getPeriodLabel(p, report));
    rows.push(
      `<tr><td colspan="2" style="padding: 28px 8px 8px 8px; ${FONT} font-size: 16px; line-height: 20px; font-weight: bold; color: #333333; vertical-align: bottom;">` +
        `<a href="${esc(project.url)}" style="color: #333333; text-decoration: none;">${esc(project.name)}</a></td>` +
        headings.map((h) => `<td style="${HEADING}">${esc(h)}</td>`).join("") +
        `</tr>`,
    );
    for (const check of project.checks) rows.push(renderCheckRow(check, report));
  }
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse: collapse;">${rows.join("\n")}</table>`;
}

const PARAGRAPH = `margin: 0 0 12px 0; ${FONT} font-size: 16px; line-height: 24px; color: #333333;`;

function renderHtml(report: Report): string {
  const { siteName, siteRoot } = getEnv();
  const subject = esc(getSubject(report));
  const intro = getIntro(report, `<a href="${esc(siteRoot)}" style="color: #1a6fb3;">${esc(siteName)}</a>`);
  const summary = report.kind === "nag" ? esc(getSummary(report)).replace("DOWN", "<strong>DOWN</strong>") : esc(getSummary(report));
  const closing =
    report.kind === "nag"
      ? `<strong>Too many notifications?</strong> Choose how often reminders come, or turn them off, in your <a href="${esc(report.settingsUrl)}" style="color: #1a6fb3;">account settings</a>.`
      : `<strong>Do you have more cron jobs or periodic processes that are not on this list yet?</strong> Set up monitoring for them too, and get notified when they don&#x27;t run on time.`;
  return [
    `<!DOCTYPE html>`,
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light only"><title>${subject}</title></head>`,
    `<body style="margin: 0; padding: 0; background-color: #f4f5f7;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f5f7" style="background-color: #f4f5f7;"><tr><td align="center" style="padding: 24px 8px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" style="max-width: 680px; background-color: #ffffff; border: 1px solid #e3e6ea; border-radius: 6px;">`,
    `<tr><td style="padding: 24px 24px 0 24px;">`,
    `<p style="${PARAGRAPH}">Hello,</p>`,
    `<p style="${PARAGRAPH}">${intro}<br>${summary}</p>`,
    `</td></tr>`,
    `<tr><td style="padding: 0 16px;">${renderChecksTable(report)}</td></tr>`,
    `<tr><td style="padding: 24px 24px 12px 24px;">`,
    `<p style="${PARAGRAPH}">${closing}</p>`,
    `<p style="${PARAGRAPH}">Cheers,<br>The ${esc(siteName)} Team</p>`,
    `</td></tr>`,
    `</table>`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width: 680px;"><tr>`,
    `<td style="padding: 16px 24px; ${FONT} font-size: 12px; line-height: 18px; color: #666666; text-align: center;">`,
    `${esc(getReason(report))}<br>`,
    `<a href="${esc(report.settingsUrl)}" style="color: #666666; text-decoration: underline;">Settings</a> &middot; `,
    `<a href="${esc(report.unsubscribeUrl)}" style="color: #666666; text-decoration: underline;">Unsubscribe</a>`,
    `</td></tr></table>`,
    `</td></tr></table>`,
    `</body></html>`,
  ].join("\n");
}

/**
 * The report or nag email (Healthchecks' emails/report-* and emails/nag-*): subject "Monthly
 * Report" / "Weekly Report" / "Daily Report" or "Reminder: N checks still down", a text part
 * and an HTML part with the same content. The HTML is table layout with inline styles only (no
 * external CSS or images), which is what Gmail, Outlook and Apple Mail all render alike.
 */
export function renderReportEmail(report: Report): RenderedEmail {
  return { subject: getSubject(report), text: renderText(report), html: renderHtml(report) };
}
