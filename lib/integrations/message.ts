// The message kit every transport shares, so "DOWN (reason)", "the downtime lasted ..." and
// "Last ping" read the same in email, webhooks and chat. Wording follows Healthchecks. It lives
// with the integrations (not lib/alerts) so that transports never import the worker that calls them.
import type { Check, Flip, Ping } from "../db";
import { getDb } from "../db";
import { getEnv } from "../env";
import { getUniqueKey } from "../checks/to-dict";
import { formatDuration, plural } from "../format";

const REASONS: Record<string, string> = {
  timeout: "success signal did not arrive on time, grace time passed",
  fail: "received a failure signal",
  // Beyond Healthchecks: the synthetic flip of a "still down" reminder (claimDueReminder).
  reminder: "reminder: the check is still down",
};

/** Flip.reason_long: "" when the reason is unknown. */
export function getReasonLong(reason: string): string {
  return REASONS[reason] ?? "";
}

/** Check.name_then_code. */
export function getNameThenCode(check: Pick<Check, "name" | "code">): string {
  return check.name || check.code;
}

/** Login-protected redirect to the check's page; unlike the UUID it is not a ping secret. */
export function getCloakedUrl(check: Pick<Check, "code">): string {
  return `${getEnv().siteRoot}/cloaked/${getUniqueKey(check.code)}/`;
}

/** Django's naturaltime, coarsened to one unit: "just now", "5 minutes ago", "2 days ago". */
export function formatAgo(date: Date, now: Date = new Date()): string {
  const secs = Math.floor((now.getTime() - date.getTime()) / 1000);
  if (secs < 1) return "just now";
  for (const [name, unit] of [["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]] as const) {
    if (secs >= unit) return `${plural(Math.floor(secs / unit), name)} ago`;
  }
  return "just now";
}

/** Ping.get_kind_display, with the exit status when the ping carried one. */
export function getPingKindLabel(ping: Pick<Ping, "kind" | "exitStatus">): string {
  if (ping.kind === "ign") return "Ignored";
  if (ping.exitStatus !== null && ping.exitStatus >= 0) return `Exit status ${ping.exitStatus}`;
  if (ping.kind === "fail") return "Failure";
  if (ping.kind === "start") return "Started";
  if (ping.kind === "log") return "Log";
  return "Success";
}

/** The ping body as text (invalid UTF-8 replaced); `maxLength` truncates with "\n[truncated]". */
export function getPingBodyText(ping: Pick<Ping, "body"> | null, maxLength?: number): string {
  if (!ping?.body || ping.body.length === 0) return "";
  const text = Buffer.from(ping.body).toString("utf8");
  if (maxLength !== undefined && text.length > maxLength) return `${text.slice(0, maxLength)}\n[truncated]`;
  return text;
}

/**
 * What a flip means to a channel that knows only up and down (Healthchecks' two states, the
 * up/down switches of email, SMS, webhooks…, trigger vs resolve of incident tools): a flip to
 * "degraded" is a problem ("down") unless it ends an outage (down → degraded), which is a
 * recovery ("up"). Every other flip is its new status.
 */
export function getFlipDirection(flip: Pick<Flip, "oldStatus" | "newStatus">): "up" | "down" {
  if (flip.newStatus === "degraded") return flip.oldStatus === "down" ? "up" : "down";
  return flip.newStatus === "up" ? "up" : "down";
}

/**
 * True for flips that reach only channels with notify_degraded: to or from "degraded", except
 * degraded → down (an outage every channel hears of) and down → degraded (its recovery).
 */
export function isDegradedOnlyFlip(flip: Pick<Flip, "oldStatus" | "newStatus">): boolean {
  if (flip.newStatus === "degraded") return flip.oldStatus !== "down";
  return flip.oldStatus === "degraded" && flip.newStatus !== "down";
}

/** The flip's colour in messages that have one: red down, green up, amber degraded. */
export function getFlipColor(flip: Pick<Flip, "oldStatus" | "newStatus">): string {
  if (flip.newStatus === "degraded") return "#f0ad4e";
  return getFlipDirection(flip) === "up" ? "#5cb85c" : "#d9534f";
}

/** The flip's emoji in chat headlines: 🔴 down, 🟢 up, 🟡 degraded. */
export function getFlipEmoji(flip: Pick<Flip, "oldStatus" | "newStatus">): string {
  if (flip.newStatus === "degraded") return "🟡";
  return getFlipDirection(flip) === "up" ? "🟢" : "🔴";
}

/**
 * Flip.down_duration: for a flip that ends an outage (to "up", or down → degraded), seconds
 * since the previous flip if that one went down; null otherwise.
 */
export async function getDowntimeSeconds(flip: Flip): Promise<number | null> {
  if (getFlipDirection(flip) !== "up") return null;
  const previous = await getDb().flip.findFirst({
    where: { checkId: flip.checkId, createdAt: { lt: flip.createdAt } },
    orderBy: { createdAt: "desc" },
  });
  if (!previous || previous.newStatus !== "down") return null;
  return (flip.createdAt.getTime() - previous.createdAt.getTime()) / 1000;
}

/** "The check is DOWN (reason)." / "The downtime lasted ..." sentence for plain-text messages. */
export function describeFlip(flip: Flip, downtimeSeconds: number | null): string {
  if (flip.newStatus === "down") {
    const reason = getReasonLong(flip.reason);
    return reason ? `DOWN (${reason}).` : "DOWN.";
  }
  // Degraded: the last probe run was slow or saw a certificate about to expire.
  const status = flip.newStatus === "degraded" ? "DEGRADED" : "UP";
  return downtimeSeconds !== null ? `${status}. The downtime lasted ${formatDuration(downtimeSeconds)}.` : `${status}.`;
}

/** Check.tags_list: the space-separated tags, without empties. */
export function getTagList(tags: string): string[] {
  return tags.split(" ").map((t) => t.trim()).filter(Boolean);
}

/** Ping.formatted_kind_created: "Success, 5 minutes ago"; "Never" when there is no ping. */
export function formatLastPing(ping: Pick<Ping, "kind" | "exitStatus" | "createdAt"> | null, now: Date = new Date()): string {
  return ping ? `${getPingKindLabel(ping)}, ${formatAgo(ping.createdAt, now)}` : "Never";
}

/** One label/value pair of a chat message's details (Slack's attachment field). */
export interface CheckFact {
  title: string;
  value: string;
  /** Slack shows short fields two per row; long ones (description, body) get a row each. */
  short: boolean;
}

export interface CheckFactOptions {
  /** How the tag list is written (Slack: backticked, Teams: spaces, Google Chat: commas). */
  formatTags?: (tags: string[]) => string;
  /** Escapes a cron schedule's asterisks for the service's Markdown flavour. */
  escapeSchedule?: (schedule: string) => string;
  /** Google Chat leaves the description out. */
  withDescription?: boolean;
}

/**
 * The details chat integrations list under the headline, in Healthchecks' order: Description,
 * Project, Tags, Period or Schedule + Time Zone, Total Pings, Last Ping. Empty values are left
 * out; the ping is the last one at or before the flip (null: "0" pings, last ping "Never").
 */
export function getCheckFacts(
  check: Pick<Check, "desc" | "tags" | "kind" | "timeout" | "schedule" | "tz"> & { project: { name: string } },
  ping: Pick<Ping, "n" | "kind" | "exitStatus" | "createdAt"> | null,
  { formatTags = (tags) => tags.join(" "), escapeSchedule = (s) => s, withDescription = true }: CheckFactOptions = {},
): CheckFact[] {
  const facts: CheckFact[] = [];
  const add = (title: string, value: string, short = true) => facts.push({ title, value, short });
  if (withDescription && check.desc) add("Description", check.desc, false);
  if (check.project.name) add("Project", check.project.name);
  const tags = getTagList(check.tags);
  if (tags.length) add("Tags", formatTags(tags));
  if (check.kind === "simple") add("Period", formatDuration(check.timeout));
  else {
    add("Schedule", escapeSchedule(check.schedule));
    add("Time Zone", check.tz);
  }
  add("Total Pings", String(ping ? ping.n : 0));
  add("Last Ping", formatLastPing(ping));
  return facts;
}

/** How many other down checks are listed by name; above this only their number is given. */
const MAX_OTHER_DOWN_LISTED = 10;

export type OtherDownCheck = Pick<Check, "name" | "code" | "lastPing">;

/** The project's other down checks, oldest first; bounded since only a count is shown above 10. */
export function findOtherDownChecks(check: Pick<Check, "id" | "projectId">): Promise<OtherDownCheck[]> {
  return getDb().check.findMany({
    where: { projectId: check.projectId, status: "down", NOT: { id: check.id } },
    select: { name: true, code: true, lastPing: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
  });
}

/**
 * Healthchecks' "The following checks are also down" block, as lines in the transport's markup:
 * each check with its last ping's age when at most 10, "N other checks are also down." above
 * that, and "All the other checks are up." when there are none.
 */
export function formatOtherDownChecks(
  others: OtherDownCheck[],
  markup: { bold: (s: string) => string; escape: (s: string) => string; bullet: string },
  now = new Date(),
): string[] {
  if (others.length === 0) return ["All the other checks are up."];
  if (others.length > MAX_OTHER_DOWN_LISTED) return [`${others.length} other checks are also down.`];
  return [
    markup.bold("The following checks are also down:"),
    ...others.map((c) => {
      const last = c.lastPing ? `last ping ${formatAgo(c.lastPing, now)}` : "never pinged";
      return `${markup.bullet} ${markup.escape(getNameThenCode(c))} (${last})`;
    }),
  ];
}
