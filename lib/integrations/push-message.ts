// The title and text of a flip for the push and incident services (ntfy, Gotify, Pushover,
// Pushbullet, Opsgenie...), in the markup each one renders. Shared by those transports, not a
// transport itself; chat services have richer layouts of their own (slack-payload.ts, msteamsw.ts).
import { escapeHtml, formatDuration } from "../format";
import {
  describeFlip,
  findOtherDownChecks,
  formatOtherDownChecks,
  getCheckFacts,
  getDowntimeSeconds,
  getNameThenCode,
  getPingBodyText,
  getFlipDirection,
} from "./message";
import type { NotifyContext } from "./transport";

export type PushMarkup = "markdown" | "html" | "text";

export interface PushMessage {
  /** `“DB Backup” is DOWN` */
  title: string;
  /** The status sentence, the check's details one per line, and (unless left out) the last ping body. */
  message: string;
}

export interface PushMessageOptions {
  markup: PushMarkup;
  /** Characters of the last ping's body to include; 0 leaves the body out. */
  bodyLimit?: number;
  /** Ends with "The following checks are also down" (the project's other down checks). */
  withOtherDownChecks?: boolean;
}



/** The one-line summary: `“DB Backup” is DOWN`. */
export function getFlipTitle(ctx: Pick<NotifyContext, "check" | "flip">): string {
  return `“${getNameThenCode(ctx.check)}” is ${ctx.flip.newStatus.toUpperCase()}`;
}

/**
 * Builds the message for ctx's flip:
 * "The check “DB Backup” is DOWN (reason)." then "Project: …", "Tags: …", "Period: …",
 * "Total Pings: …", "Last Ping: …" and the body, with labels in bold where the markup allows.
 */
export async function buildPushMessage(
  ctx: NotifyContext,
  { markup, bodyLimit = 1000, withOtherDownChecks = false }: PushMessageOptions,
): Promise<PushMessage> {
  const { check, flip } = ctx;
  const esc = markup === "html" ? escapeHtml : (s: string) => s;
  const bold = (s: string) => (markup === "html" ? `<b>${s}</b>` : markup === "markdown" ? `**${s}**` : s);
  const ping = await ctx.getLastPing();
  const downtime = getFlipDirection(flip) === "up" ? await getDowntimeSeconds(flip) : null;
  const name = getNameThenCode(check);

  const lines = [`The check “${esc(name)}” is ${esc(describeFlip(flip, downtime))}`, ""];
  const facts = getCheckFacts(check, ping, {
    // A cron schedule's asterisks would otherwise turn into emphasis.
    escapeSchedule: markup === "markdown" ? (s) => s.replaceAll("*", "\\*") : undefined,
  });
  // Markdown joins consecutive lines into one paragraph; list items keep one fact per line.
  const bullet = markup === "markdown" ? "- " : "";
  for (const { title, value } of facts) lines.push(`${bullet}${bold(`${title}:`)} ${esc(value)}`);

  const body = bodyLimit > 0 ? getPingBodyText(ping, bodyLimit) : "";
  if (body && !(markup === "markdown" && body.includes("```"))) {
    lines.push("", bold("Last Ping Body:"));
    lines.push(markup === "markdown" ? `\`\`\`\n${body}\n\`\`\`` : esc(body));
  }
  if (withOtherDownChecks) {
    const others = await findOtherDownChecks(check);
    const bullet = markup === "markdown" ? "-" : "•";
    lines.push("", ...formatOtherDownChecks(others, { bold, escape: esc, bullet }));
  }
  return { title: getFlipTitle(ctx), message: lines.join("\n") };
}

/** "The downtime lasted 1 hour." style sentence for up flips that followed a down, else "". */
export async function getDowntimeSentence(ctx: Pick<NotifyContext, "flip">): Promise<string> {
  const seconds = await getDowntimeSeconds(ctx.flip);
  return seconds === null ? "" : `The downtime lasted ${formatDuration(seconds)}.`;
}
