// Email integration (Healthchecks' Email transport and templates/emails/alert-*): a multipart
// message per flip with the check's details, the last ping and, when the address belongs to an
// account, a per-project overview. Times are shown in that account's time zone, else UTC.
import type { Channel, Flip, Ping } from "../../db";
import { getDb } from "../../db";
import { getEnv } from "../../env";
import { formatDuration } from "../../format";
import { sendMail, type MailAttachment } from "../../mail";
import {
  describeFlip,
  formatAgo,
  getCloakedUrl,
  getDowntimeSeconds,
  getNameThenCode,
  getPingBodyText,
  getPingKindLabel,
  getFlipDirection,
  getFlipColor,
} from "../message";
import { readUpDownConfig, isUpDownNoop } from "../config";
import { TransportError } from "../../errors";
import type { NotifyContext, Transport } from "../transport";
import { getUnsubscribeUrl } from "./unsubscribe";

// Healthchecks puts the first 10,000 characters of the body in the message.
const BODY_LIMIT = 10_000;

interface ProjectSummary {
  name: string;
  url: string;
  nDown: number;
}

/** Everything the two bodies show, computed once. */
interface AlertDetails {
  flip: Flip;
  check: NotifyContext["check"];
  ping: Ping | null;
  body: string;
  bodyTruncated: boolean;
  subject: string | null;
  downtimeSeconds: number | null;
  tz: string;
  projects: ProjectSummary[] | null;
  unsubLink: string;
}

export const emailTransport: Transport = {
  kind: "email",

  isNoop(channel: Channel, flip: Flip): boolean {
    return isUpDownNoop(readUpDownConfig(channel.config), getFlipDirection(flip));
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!ctx.channel.emailVerified) throw new TransportError("Email not verified");
    const config = readUpDownConfig(ctx.channel.config);
    if (!config.value) throw new TransportError("No email address");
    const details = await getAlertDetails(ctx, config.value);

    const attachments: MailAttachment[] = [];
    if (details.ping?.scheme === "email" && details.ping.body) {
      attachments.push({ filename: "last-ping.eml", content: Buffer.from(details.ping.body), contentType: "message/rfc822" });
    }
    try {
      await sendMail({
        to: config.value,
        subject: `${ctx.flip.newStatus.toUpperCase()} | ${getNameThenCode(ctx.check)}`,
        text: renderText(details),
        html: renderHtml(details),
        headers: {
          "List-Unsubscribe": `<${details.unsubLink}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        attachments,
      });
    } catch (err) {
      throw new TransportError(err instanceof Error ? err.message : String(err));
    }
  },
};

async function getAlertDetails(ctx: NotifyContext, address: string): Promise<AlertDetails> {
  const db = getDb();
  const ping = await ctx.getLastPing();
  const fullBody = getPingBodyText(ping);
  let subject: string | null = null;
  if (ping?.scheme === "email" && ping.body) {
    // mailparser is loaded by the first email ping's alert, not when sendalerts starts.
    const { simpleParser } = await import("mailparser");
    subject = (await simpleParser(Buffer.from(ping.body))).subject ?? "";
  }
  const user = await db.user.findUnique({ where: { email: address } });
  let projects: ProjectSummary[] | null = null;
  if (user) {
    const list = await db.project.findMany({
      where: { OR: [{ ownerId: user.id }, { members: { some: { userId: user.id } } }] },
      orderBy: { name: "asc" },
    });
    const down = await db.check.groupBy({
      by: ["projectId"],
      where: { projectId: { in: list.map((p) => p.id) }, status: "down" },
      _count: { _all: true },
    });
    const nDown = new Map(down.map((d) => [d.projectId, d._count._all]));
    projects = list.map((p) => ({
      name: p.name || "Default Project",
      url: `${getEnv().siteRoot}/projects/${p.code}/checks/`,
      nDown: nDown.get(p.id) ?? 0,
    }));
  }
  return {
    flip: ctx.flip,
    check: ctx.check,
    ping,
    body: fullBody.slice(0, BODY_LIMIT),
    bodyTruncated: fullBody.length > BODY_LIMIT,
    subject,
    downtimeSeconds: await getDowntimeSeconds(ctx.flip),
    tz: user && isValidTimeZone(user.tz) ? user.tz : "UTC",
    projects,
    unsubLink: getUnsubscribeUrl(ctx.channel.code),
  };
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** "Jan 1, 2026, 10:00 UTC" in the recipient's zone. */
function formatDateTime(date: Date, tz: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(date);
}

/** Django's date:'M j, Y'. */
function formatDate(date: Date, tz: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "short", day: "numeric" }).format(date);
}

/** Label/value pairs of the "Details" section, shared by both bodies. */
function getDetailRows(d: AlertDetails): [string, string][] {
  const { check, ping } = d;
  const rows: [string, string][] = [];
  if (check.project.name) rows.push(["Project", check.project.name]);
  if (check.tags.trim()) rows.push(["Tags", check.tags.trim()]);
  if (check.kind === "simple") rows.push(["Period", formatDuration(check.timeout)]);
  else {
    rows.push(["Schedule", check.schedule]);
    rows.push(["Time Zone", check.tz]);
  }
  rows.push(["Total Pings", `${ping ? ping.n : 0} (since ${formatDate(check.createdAt, d.tz)})`]);
  if (ping) {
    rows.push(["Last Ping", `${formatAgo(ping.createdAt)}${ping.remoteAddr ? `, from ${ping.remoteAddr}` : ""}`]);
    rows.push(["Last Ping Type", getPingKindLabel(ping)]);
    if (d.subject) rows.push(["Last Ping Subject", d.subject]);
  }
  rows.push(["Status Changed", formatDateTime(d.flip.createdAt, d.tz)]);
  return rows;
}

function renderText(d: AlertDetails): string {
  const { check, flip } = d;
  const lines = [`The check "${getNameThenCode(check)}" is ${describeFlip(flip, d.downtimeSeconds)}`, ""];
  lines.push(`View on ${getEnv().siteName}:`, getCloakedUrl(check));
  if (check.desc) lines.push("", "Description:", "------------", check.desc);
  lines.push("", "Details:", "--------");
  for (const [label, value] of getDetailRows(d)) lines.push(`${label}: ${value}`);
  if (d.body) {
    lines.push("", "Last Ping Body:", "---------------", d.body);
    if (d.bodyTruncated) lines.push("[truncated]");
  }
  if (d.projects?.length) {
    lines.push("", "Projects Overview:", "------------------");
    for (const p of d.projects) {
      lines.push(`* ${p.name}: ${p.nDown ? `${p.nDown} check${p.nDown === 1 ? "" : "s"} down` : "OK, all checks up"}`);
    }
  }
  lines.push("", "--", `Unsubscribe: ${d.unsubLink}`, `Regards, ${getEnv().siteName}`);
  return lines.join("\n") + "\n";
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

const CELL = 'style="padding-right: 32px; padding-bottom: 8px; vertical-align: top;"';

function renderHtml(d: AlertDetails): string {
  const { check, flip } = d;
  const siteName = esc(getEnv().siteName);
  const color = getFlipColor(flip);
  const parts = [
    "<!DOCTYPE html>",
    "<html><body>",
    `<p>"${esc(getNameThenCode(check))}" is <b style="color: ${color}">${esc(describeFlip(flip, d.downtimeSeconds))}</b>`,
    ` <a href="${esc(getCloakedUrl(check))}">View on ${siteName}&hellip;</a></p>`,
  ];
  if (check.desc) parts.push(`<p><b>Description</b><br>${esc(check.desc).replace(/\n/g, "<br>")}</p>`);
  const rows = getDetailRows(d).map(([label, value]) => `<tr><td ${CELL}><b>${esc(label)}</b></td><td ${CELL}>${esc(value)}</td></tr>`);
  parts.push(`<table>${rows.join("")}</table>`);
  if (d.body) {
    parts.push("<p><b>Last Ping Body</b></p>");
    parts.push(`<pre style="font-family: monospace;">${esc(d.body)}${d.bodyTruncated ? "\n[truncated]" : ""}</pre>`);
  }
  if (d.projects?.length) {
    parts.push("<p><b>Projects Overview</b></p><table>");
    for (const p of d.projects) {
      const status = p.nDown ? `<b>${p.nDown} check${p.nDown === 1 ? "" : "s"} down</b>` : "OK, all checks up";
      parts.push(`<tr><td ${CELL}><a href="${esc(p.url)}">${esc(p.name)}</a></td><td ${CELL}>${status}</td></tr>`);
    }
    parts.push("</table>");
  }
  const unsubLabel = check.project.name ? `Unsubscribe from "${esc(check.project.name)}" notifications` : "Unsubscribe";
  parts.push(`<p style="color: #666666">&mdash;<br>${siteName}<br><a href="${esc(d.unsubLink)}" style="color: #666666;">${unsubLabel}</a></p>`);
  parts.push("</body></html>");
  return parts.join("\n");
}
