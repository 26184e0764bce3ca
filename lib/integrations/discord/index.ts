// The Discord kind: a channel webhook URL pasted by the user, or the webhook Discord's OAuth
// flow ("Connect Discord") returns, stored as {"webhook": {...}}.
import type { KindDescriptor } from "../descriptor";
import { isRecord } from "../config";
import { postOAuthForm, OAuthExchangeError, type OAuthProvider } from "../oauth";
import { webhookUrlKind, type WebhookUrlConfig } from "../webhook-url";
import { discordTransport } from "./transport";

const discordOAuth: OAuthProvider = {
  service: "Discord",
  button: "Connect Discord",
  isEnabled: (env) => Boolean(env.discordClientId && env.discordClientSecret),
  getAuthorizeUrl: (state, redirectUri, env) =>
    `https://discord.com/api/oauth2/authorize?${new URLSearchParams({
      response_type: "code",
      scope: "webhook.incoming",
      client_id: env.discordClientId,
      state,
      redirect_uri: redirectUri,
    })}`,
  async exchangeCode(code, redirectUri, env) {
    const form = {
      client_id: env.discordClientId,
      client_secret: env.discordClientSecret,
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
    };
    const doc = await postOAuthForm(`${env.discordApiUrl}/oauth2/token`, form);
    const hook = doc.webhook;
    if (!isRecord(hook) || typeof hook.url !== "string") throw new OAuthExchangeError("The response has no webhook.url");
    return { webhook: hook };
  },
};

export const discordKind: KindDescriptor<WebhookUrlConfig> = {
  ...webhookUrlKind({
    kind: "discord",
    label: "Discord",
    description: "Post a message to a Discord channel through a channel webhook.",
    fieldLabel: "Webhook URL",
    example: "https://discord.com/api/webhooks/000000000000000000/xxxxxxxxxxxxxxxx",
    steps: [
      "In Discord, open the channel's settings → “Integrations” → “Webhooks” → “New Webhook”.",
      "Name it, choose the channel, and press “Copy Webhook URL”.",
      "Paste it below. Vigil posts to it in Slack's format (the URL plus /slack).",
    ],
    // Discord's oauth2/token answer keeps these string keys of its webhook object.
    oauth: { key: "webhook", inner: ["id", "token", "url", "name", "channel_id", "guild_id", "application_id"] },
  }),
  icon: "chat",
  transport: discordTransport,
  oauth: discordOAuth,
};
