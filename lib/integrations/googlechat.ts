// Google Chat integration (Healthchecks' hc/integrations/googlechat): a cardsV2 card posted to
// a space's incoming webhook, with the headline, the check's details and a button to its page.
import type { Channel, Flip } from "../db";
import { escapeHtml } from "../format";
import { getEnv } from "../env";
import { formatDuration } from "../format";
import { getCheckFacts, getCloakedUrl, getDowntimeSeconds, getNameThenCode, getReasonLong, getFlipEmoji } from "./message";
import type { KindDescriptor } from "./descriptor";
import { postJson } from "./post-json";
import type { NotifyContext, Transport } from "./transport";
import { readWebhookUrl, webhookUrlKind, type WebhookUrlConfig } from "./webhook-url";

type Widget = Record<string, unknown>;

export interface GoogleChatPayload {
  cardsV2: [{ card: { sections: [{ collapsible: true; uncollapsibleWidgetsCount: 1; widgets: Widget[] }] } }];
}

// Google Chat text widgets render a small HTML subset, so names are escaped.

export async function buildGoogleChatPayload(ctx: NotifyContext): Promise<GoogleChatPayload> {
  const { check, flip } = ctx;
  const ping = await ctx.getLastPing();
  const emoji = getFlipEmoji(flip);
  let title = `${emoji} <b>${escapeHtml(getNameThenCode(check))}</b> is <b>${flip.newStatus.toUpperCase()}</b>. `;
  const reason = getReasonLong(flip.reason);
  const downtime = await getDowntimeSeconds(flip);
  if (reason) title += `Reason: ${reason}.`;
  else if (downtime !== null) title += `The downtime lasted ${formatDuration(downtime)}.`;

  const widgets: Widget[] = [{ textParagraph: { text: title.trimEnd() } }];
  for (const { title: label, value } of getCheckFacts(check, ping, { formatTags: (tags) => tags.join(", "), withDescription: false })) {
    widgets.push({ decoratedText: { topLabel: label, text: escapeHtml(value) } });
  }
  widgets.push({
    buttonList: {
      buttons: [{ text: `View in ${getEnv().siteName}`, type: "FILLED", onClick: { openLink: { url: getCloakedUrl(check) } } }],
    },
  });
  // Only the headline shows until the reader expands the card.
  return { cardsV2: [{ card: { sections: [{ collapsible: true, uncollapsibleWidgetsCount: 1, widgets }] } }] };
}

export const googlechatTransport: Transport = {
  kind: "googlechat",

  isNoop(_channel: Channel, _flip: Flip): boolean {
    return false;
  },

  async notify(ctx: NotifyContext): Promise<void> {
    await postJson(ctx, readWebhookUrl(ctx.channel.config), await buildGoogleChatPayload(ctx));
  },
};

export const googlechatKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "googlechat",
    label: "Google Chat",
    description: "Post a card to a Google Chat space through an incoming webhook.",
    fieldLabel: "Webhook URL",
    example: "https://chat.googleapis.com/v1/spaces/AAAAAAAAAAA/messages?key=…&token=…",
    steps: [
      "In Google Chat, open the space's menu → “Apps & integrations” → “Webhooks” → “Add webhook”.",
      "Name it, save, and copy the URL.",
      "Paste it below.",
    ],
  }),
  icon: "chat",
  transport: googlechatTransport,
};
