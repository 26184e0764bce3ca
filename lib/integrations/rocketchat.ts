// Rocket.Chat integration (Healthchecks' hc/integrations/rocketchat): a Markdown line linking
// the check, and an attachment coloured by status with the check's details. The ping body is
// not inlined: the message says how big it is and links to the check page, which shows it.
import type { Channel, Flip } from "../db";
import { getEnv } from "../env";
import { formatDuration } from "../format";
import { getCheckFacts, getCloakedUrl, getDowntimeSeconds, getNameThenCode, getReasonLong, getFlipColor } from "./message";
import type { KindDescriptor } from "./descriptor";
import { postJson } from "./post-json";
import { TransportError } from "../errors";
import type { NotifyContext, Transport } from "./transport";
import { readWebhookUrl, webhookUrlKind, type WebhookUrlConfig } from "./webhook-url";

export interface RocketChatField {
  title: string;
  value: string;
  short?: true;
}

export interface RocketChatPayload {
  alias: string;
  avatar?: string;
  text: string;
  attachments: [{ color: string; fields: RocketChatField[] }];
}

export async function buildRocketChatPayload(ctx: NotifyContext): Promise<RocketChatPayload> {
  const { check, flip } = ctx;
  const env = getEnv();
  const url = getCloakedUrl(check);
  const ping = await ctx.getLastPing();

  let text = `[${getNameThenCode(check)}](${url}) is ${flip.newStatus.toUpperCase()}`;
  const reason = getReasonLong(flip.reason);
  const downtime = await getDowntimeSeconds(flip);
  if (reason) text += ` (${reason})`;
  text += ".";
  if (!reason && downtime !== null) text += ` The downtime lasted ${formatDuration(downtime)}.`;

  const fields: RocketChatField[] = getCheckFacts(check, ping, {
    formatTags: (tags) => tags.map((t) => `\`${t}\``).join(" "),
    escapeSchedule: (s) => s.replaceAll("*", "\\*"),
  }).map(({ title, value, short }) => (short ? { title, value, short } : { title, value }));
  const bodySize = ping?.body?.length ?? 0;
  if (ping && bodySize > 0) {
    fields.push({ title: "Last Ping Body", value: `${bodySize} ${bodySize === 1 ? "byte" : "bytes"}, [show body](${url}#ping-${ping.n})`, short: true });
  }

  return {
    alias: env.siteName,
    ...(env.siteLogoUrl ? { avatar: env.siteLogoUrl } : {}),
    text,
    attachments: [{ color: getFlipColor(flip), fields }],
  };
}

export const rocketchatTransport: Transport = {
  kind: "rocketchat",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    if (!getEnv().rocketchatEnabled) throw new TransportError("Rocket.Chat notifications are not enabled.");
    await postJson(ctx, readWebhookUrl(ctx.channel.config), await buildRocketChatPayload(ctx));
  },
};

export const rocketchatKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "rocketchat",
    label: "Rocket.Chat",
    description: "Post a message to a Rocket.Chat channel through an incoming webhook.",
    fieldLabel: "Webhook URL",
    example: "https://rocketchat.example.org/hooks/xxxxxxxxxxxxxxxxx/yyyyyyyyyyyyyyyyyyyy",
    steps: [
      "In Rocket.Chat, open “Administration” → “Workspace” → “Integrations” → “New” → “Incoming”.",
      "Turn it on, enter the channel (e.g. #ops) and the user to post as, and save.",
      "Copy the “Webhook URL” and paste it below.",
    ],
  }),
  icon: "chat",
  transport: rocketchatTransport,
  isEnabled: (env) => env.rocketchatEnabled,
};
