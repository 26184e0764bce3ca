// What the loopback stand-in (serve.ts) answers, per service: each client library expects its
// service's answer shape (telegraf an {ok, result}, twilio a message with a sid, the OAuth
// exchanges a token document). Anything else gets a plain "ok", as webhook targets do.
import { SERVICES } from "./env";

export interface StandInAnswer {
  status: number;
  contentType: string;
  body: string;
}

const json = (value: unknown, status = 200): StandInAnswer => ({ status, contentType: "application/json", body: JSON.stringify(value) });

/** The Slack app's OAuth answer: a code starting with "bad" is refused, as Slack does an expired one. */
function answerSlackOAuth(form: URLSearchParams, hookOrigin: string): StandInAnswer {
  if (form.get("client_id") !== SERVICES.slackClientId || form.get("client_secret") !== SERVICES.slackClientSecret) {
    return json({ ok: false, error: "invalid_client_id" });
  }
  const code = form.get("code") ?? "";
  if (!code || code.startsWith("bad")) return json({ ok: false, error: "invalid_code" });
  return json({
    ok: true,
    app_id: "A0E2E",
    access_token: "xoxb-e2e",
    token_type: "bot",
    scope: "incoming-webhook",
    team: { id: "T0E2E", name: "E2E Workspace" },
    incoming_webhook: {
      channel: "#e2e-alerts",
      channel_id: "C0E2E",
      configuration_url: "https://e2e.slack.com/services/B0E2E",
      url: `${hookOrigin}/slack-oauth-hook/T0E2E/B0E2E/${code}`,
    },
  });
}

/** Discord's token endpoint with the webhook.incoming scope: the token plus the new webhook. */
function answerDiscordOAuth(form: URLSearchParams): StandInAnswer {
  const isClient = form.get("client_id") === SERVICES.discordClientId && form.get("client_secret") === SERVICES.discordClientSecret;
  if (!isClient) return json({ error: "invalid_client" }, 401);
  const code = form.get("code") ?? "";
  if (form.get("grant_type") !== "authorization_code" || !code || code.startsWith("bad")) return json({ error: "invalid_grant" }, 400);
  return json({
    access_token: "e2e-discord-access",
    token_type: "Bearer",
    expires_in: 604800,
    refresh_token: "e2e-discord-refresh",
    scope: "webhook.incoming",
    webhook: {
      application_id: "111111111111111111",
      name: "Vigil",
      url: `https://discord.com/api/webhooks/987654321987654321/${code}`,
      channel_id: "222222222222222222",
      token: code,
      type: 1,
      avatar: null,
      guild_id: "333333333333333333",
      id: "987654321987654321",
    },
  });
}

export function answerStandInRequest(method: string, url: string, body: string, hookOrigin: string): StandInAnswer {
  const path = url.split("?")[0];
  if (path === "/slack-api/oauth.v2.access") return answerSlackOAuth(new URLSearchParams(body), hookOrigin);
  if (path === "/discord/api/oauth2/token") return answerDiscordOAuth(new URLSearchParams(body));
  const telegram = /^\/telegram\/bot([^/]+)\/(\w+)$/.exec(path);
  if (telegram) {
    if (telegram[1] !== SERVICES.telegramToken) return json({ ok: false, error_code: 401, description: "Unauthorized" }, 401);
    let chatId: unknown = 0;
    try {
      chatId = (JSON.parse(body) as { chat_id?: unknown }).chat_id;
    } catch {
      // Not a JSON call; the chat id is only echoed back.
    }
    return json({ ok: true, result: { message_id: 1, date: 0, chat: { id: chatId, type: "private" }, text: "" } });
  }
  if (path.startsWith("/twilio/")) {
    if (!path.includes(`/Accounts/${SERVICES.twilioAccount}/`)) return json({ code: 20003, message: "Authenticate", status: 401 }, 401);
    const sid = path.endsWith("/Calls.json") ? "CA00000000000000000000000000000001" : "SM00000000000000000000000000000001";
    return json({ sid, status: "queued", account_sid: SERVICES.twilioAccount }, 201);
  }
  if (path.startsWith("/matrix/_matrix/client/v3/join/")) return json({ room_id: SERVICES.matrixJoinedRoom });
  if (path.startsWith("/matrix/_matrix/client/v3/rooms/") && method === "PUT") return json({ event_id: "$e2e-event" });
  return { status: 200, contentType: "text/plain", body: "ok" };
}
