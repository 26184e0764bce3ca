// Microsoft Teams integration through a Workflows ("Post to a channel when a webhook request is
// received") webhook, Healthchecks' hc/integrations/msteamsw: an Adaptive Card 1.2 wrapped in a
// "message" activity. Teams' retired Office 365 connectors (kind "msteams") are not supported.
import type { Channel, Flip } from "../db";
import { escapeHtml } from "../format";
import { getEnv } from "../env";
import { formatDuration } from "../format";
import { getCheckFacts, getCloakedUrl, getDowntimeSeconds, getNameThenCode, getPingBodyText, getReasonLong, getFlipEmoji } from "./message";
import type { KindDescriptor } from "./descriptor";
import { postJson } from "./post-json";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";
import { readWebhookUrl, webhookUrlKind, type WebhookUrlConfig } from "./webhook-url";

type CardElement = Record<string, unknown>;

export interface TeamsPayload {
  type: "message";
  attachments: [
    {
      contentType: "application/vnd.microsoft.card.adaptive";
      contentUrl: null;
      content: {
        $schema: string;
        type: "AdaptiveCard";
        fallbackText: string;
        version: "1.2";
        body: CardElement[];
        actions: [{ type: "Action.OpenUrl"; title: string; url: string }];
      };
    },
  ];
}

const BODY_LIMIT = 1000;


export async function buildTeamsPayload(ctx: NotifyContext): Promise<TeamsPayload> {
  const { check, flip } = ctx;
  const name = getNameThenCode(check);
  const ping = await ctx.getLastPing();
  let heading: string;
  if (flip.newStatus === "down") {
    const reason = getReasonLong(flip.reason);
    heading = `🔴 “${name}” is DOWN${reason ? ` (${reason})` : ""}.`;
  } else {
    const downtime = await getDowntimeSeconds(flip);
    heading = `${getFlipEmoji(flip)} “${name}” is ${flip.newStatus === "degraded" ? "DEGRADED" : "UP"}.${downtime !== null ? ` The downtime lasted ${formatDuration(downtime)}.` : ""}`;
  }

  // Teams' TextBlock Markdown needs a blank line for a line break.
  const facts = getCheckFacts(check, ping, {
    escapeSchedule: (s) => s.replaceAll("*", "\u034f*"),
  }).map(({ title, value }) => ({ title: `${title}:`, value: title === "Description" ? value.replaceAll("\n", "\n\n") : value }));
  const body: CardElement[] = [
    { type: "TextBlock", text: heading, weight: "bolder", size: "medium", wrap: true, style: "heading" },
    { type: "FactSet", facts },
  ];
  const pingBody = getPingBodyText(ping, BODY_LIMIT);
  if (pingBody) {
    body.push({ type: "TextBlock", text: "Last Ping Body:", weight: "bolder" });
    body.push({ type: "CodeBlock", codeSnippet: pingBody, language: "PlainText" });
  }

  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          fallbackText: `“${escapeHtml(name)}” is ${flip.newStatus.toUpperCase()}.`,
          version: "1.2",
          body,
          actions: [{ type: "Action.OpenUrl", title: `View in ${getEnv().siteName}`, url: getCloakedUrl(check) }],
        },
      },
    ],
  };
}

export const msteamswTransport: Transport = {
  kind: "msteamsw",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().msteamsEnabled) throw new TransportError("MS Teams notifications are not enabled.");
    await postJson(ctx, readWebhookUrl(ctx.channel.config), await buildTeamsPayload(ctx));
  },
};

export const msteamswKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "msteamsw",
    label: "Microsoft Teams",
    description: "Post a card to a Teams channel or chat through a Workflows webhook.",
    fieldLabel: "Workflow URL",
    example: "https://prod-00.westus.logic.azure.com:443/workflows/…/triggers/manual/paths/invoke?api-version=2016-06-01&sig=…",
    steps: [
      "In Teams, open the channel's “…” menu → “Workflows”, and pick the template “Post to a channel when a webhook request is received”.",
      "Finish the wizard, choosing the team and channel.",
      "Copy the URL it shows at the end and paste it below.",
    ],
  }),
  icon: "chat",
  transport: msteamswTransport,
  isEnabled: (env) => env.msteamsEnabled,
};
