// The Slack kind: an incoming-webhook URL pasted by the user, or the webhook Slack's "Add to
// Slack" OAuth flow returns (stored as {"incoming_webhook": {...}, "team_name"}), in which case
// the list names the workspace and channel instead of the masked URL.
import type { KindDescriptor } from "../descriptor";
import { isRecord, str } from "../config";
import { postOAuthForm, OAuthExchangeError, type OAuthProvider } from "../oauth";
import { webhookUrlKind, type WebhookUrlConfig } from "../webhook-url";
import { slackTransport } from "./transport";

const base = webhookUrlKind({
  kind: "slack",
  label: "Slack",
  description: "Post a message to a Slack channel through an incoming webhook.",
  fieldLabel: "Webhook URL",
  example: "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
  steps: [
    "In Slack, open “Tools & settings” → “Manage apps”, create an app (or open yours) and turn on “Incoming Webhooks”.",
    "Choose “Add New Webhook to Workspace”, pick the channel, and allow it.",
    "Copy the webhook URL (it starts with https://hooks.slack.com/services/) and paste it below.",
  ],
  // Slack's oauth.v2.access answer, as the flow below stores it.
  oauth: { key: "incoming_webhook", inner: ["url", "channel", "channel_id", "configuration_url"], outer: { ok: "boolean", team_name: "string" } },
});

/** "Acme / #ops" for a channel made by OAuth; null for a pasted URL. */
export function getSlackChannelName(config: WebhookUrlConfig): string | null {
  if (!isRecord(config.incoming_webhook)) return null;
  return [str(config.team_name), str(config.incoming_webhook.channel)].filter(Boolean).join(" / ") || null;
}

const slackOAuth: OAuthProvider = {
  service: "Slack",
  button: "Add to Slack",
  isEnabled: (env) => env.slackEnabled && Boolean(env.slackClientId && env.slackClientSecret),
  getAuthorizeUrl: (state, redirectUri, env) =>
    `https://slack.com/oauth/v2/authorize?${new URLSearchParams({ scope: "incoming-webhook", client_id: env.slackClientId, state, redirect_uri: redirectUri })}`,
  async exchangeCode(code, redirectUri, env) {
    const form = { client_id: env.slackClientId, client_secret: env.slackClientSecret, code, redirect_uri: redirectUri };
    const doc = await postOAuthForm(`${env.slackApiUrl}/oauth.v2.access`, form);
    if (doc.ok !== true) throw new OAuthExchangeError(`Slack answered ok: false (${String(doc.error ?? "no error given")})`);
    const hook = doc.incoming_webhook;
    if (!isRecord(hook) || typeof hook.url !== "string") throw new OAuthExchangeError("The response has no incoming_webhook.url");
    return { incoming_webhook: hook, team_name: isRecord(doc.team) ? str(doc.team.name) : "" };
  },
};

export const slackKind: KindDescriptor<WebhookUrlConfig> = {
  ...base,
  icon: "chat",
  transport: slackTransport,
  summarize: (config) => {
    const name = getSlackChannelName(config);
    return name ? [name] : base.summarize(config);
  },
  isEnabled: (env) => env.slackEnabled,
  oauth: slackOAuth,
};
