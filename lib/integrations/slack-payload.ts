// The Slack incoming-webhook message (Healthchecks' Slackalike.payload), shared by the slack,
// mattermost and discord transports, which differ only in where they post it, how asterisks
// are escaped and which errors are permanent. Not a transport itself.
import { getEnv } from "../env";
import { formatDuration } from "../format";
import { getCheckFacts, getCloakedUrl, getDowntimeSeconds, getNameThenCode, getPingBodyText, getReasonLong, getFlipDirection } from "./message";
import type { NotifyContext } from "./transport";

export interface SlackField {
  title: string;
  value: string;
  short?: true;
}

export interface SlackPayload {
  username: string;
  icon_url?: string;
  attachments: [
    {
      color: "good" | "warning" | "danger";
      fallback: string;
      mrkdwn_in: ["fields"];
      title: string;
      title_link: string;
      text: string | null;
      fields: SlackField[];
    },
  ];
}

// Slack, Mattermost and Discord show at most this much of the body (Healthchecks' maxlen).
const BODY_LIMIT = 1000;

/**
 * Builds the message for ctx's flip. `escapeAsterisks` keeps a cron schedule's "*" from being
 * read as Markdown: Slack and Mattermost put a combining grapheme joiner before each, Discord a
 * backslash.
 */
export async function buildSlackPayload(ctx: NotifyContext, escapeAsterisks: (s: string) => string): Promise<SlackPayload> {
  const { check, flip } = ctx;
  const env = getEnv();
  const name = getNameThenCode(check);
  const status = flip.newStatus.toUpperCase();
  const reason = getReasonLong(flip.reason);
  const downtime = await getDowntimeSeconds(flip);
  const ping = await ctx.getLastPing();
  const fields: SlackField[] = getCheckFacts(check, ping, {
    formatTags: (tags) => tags.map((t) => `\`${t}\``).join(" "),
    escapeSchedule: escapeAsterisks,
  }).map(({ title, value, short }) => (short ? { title, value, short } : { title, value }));
  const body = getPingBodyText(ping, BODY_LIMIT);
  // A body containing ``` would end the code block early and garble the message.
  if (body && !body.includes("```")) fields.push({ title: "Last Ping Body", value: `\`\`\`\n${body}\n\`\`\`` });

  return {
    username: env.siteName,
    ...(env.siteLogoUrl ? { icon_url: env.siteLogoUrl } : {}),
    attachments: [
      {
        color: flip.newStatus === "degraded" ? "warning" : getFlipDirection(flip) === "up" ? "good" : "danger",
        fallback: `The check "${name}" is ${status}.`,
        mrkdwn_in: ["fields"],
        title: `“${name}” is ${status}.`,
        title_link: getCloakedUrl(check),
        text: getText(reason, downtime),
        fields,
      },
    ],
  };
}

/** "Reason: …." for a down flip with a known reason, the downtime for an up flip, else null. */
function getText(reason: string, downtimeSeconds: number | null): string | null {
  if (reason) return `Reason: ${reason}.`;
  if (downtimeSeconds !== null) return `The downtime lasted ${formatDuration(downtimeSeconds)}.`;
  return null;
}

/** Slack's and Mattermost's escaping: U+034F COMBINING GRAPHEME JOINER before each "*". */
export function escapeAsterisksWithJoiner(s: string): string {
  return s.replaceAll("*", "\u034f*");
}
