// The OAuth setup flows of Slack ("Add to Slack") and Discord, after Healthchecks'
// hc/front/views add_slack_btn/add_slack_complete and add_discord/add_discord_complete.
//
// The button's route (startOAuthSetup) checks write access, picks a random `state` and keeps
// it, with the project and the time, in a short-lived cookie signed with SECRET_KEY, then
// sends the browser to the service's authorize page. The callback (completeOAuthSetup)
// accepts the answer only if its `state` matches the signed cookie, exchanges the code for the
// webhook through lib/http.ts, and stores the §6.3 OAuth config with addChannel.
import { userActor } from "../auth/actor";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";
import { getEnv, type Env } from "../env";
import { request } from "../http";
import { TransportError } from "../integrations/transport";
import { requireProjectAccess } from "../auth/permissions";
import { addChannel } from "./add-channel";
import type { Channel } from "../db";

export type OAuthKind = "slack" | "discord";

export const OAUTH_KINDS: readonly OAuthKind[] = ["slack", "discord"];

/** The state cookie (and so the whole flow) expires after this long. */
export const OAUTH_STATE_MAX_AGE_SECONDS = 600;

export function isOAuthKind(kind: string): kind is OAuthKind {
  return (OAUTH_KINDS as readonly string[]).includes(kind);
}

/** Whether the server offers the OAuth flow of `kind`: its client id and secret are both set. */
export function isOAuthEnabled(kind: OAuthKind, env: Env = getEnv()): boolean {
  if (kind === "slack") return env.slackEnabled && Boolean(env.slackClientId && env.slackClientSecret);
  return Boolean(env.discordClientId && env.discordClientSecret);
}

/** The redirect URI to register with the service: SITE_ROOT/integrations/add_<kind>_complete/. */
export function getOAuthRedirectUri(kind: OAuthKind, env: Env = getEnv()): string {
  return `${env.siteRoot}/integrations/add_${kind}_complete/`;
}

/** The path of the button's route, for links on the add page. */
export function getOAuthStartPath(kind: OAuthKind, projectCode: string): string {
  return `/integrations/add_${kind}_btn/?${new URLSearchParams({ project: projectCode })}`;
}

/** The cookie holding the signed state of `kind`'s flow. */
export function getOAuthCookieName(kind: OAuthKind): string {
  return `vigil_oauth_${kind}`;
}

/** The service's authorize page for `state`. */
export function buildAuthorizeUrl(kind: OAuthKind, state: string, env: Env = getEnv()): string {
  const redirectUri = getOAuthRedirectUri(kind, env);
  if (kind === "slack") {
    const q = new URLSearchParams({ scope: "incoming-webhook", client_id: env.slackClientId, state, redirect_uri: redirectUri });
    return `https://slack.com/oauth/v2/authorize?${q}`;
  }
  const q = new URLSearchParams({
    response_type: "code",
    scope: "webhook.incoming",
    client_id: env.discordClientId,
    state,
    redirect_uri: redirectUri,
  });
  return `https://discord.com/api/oauth2/authorize?${q}`;
}

export interface OAuthState {
  kind: OAuthKind;
  state: string;
  project: string;
  /** Seconds since the epoch when the flow started. */
  iat: number;
}

function sign(payload: string): string {
  return createHmac("sha256", `oauth-state:${getEnv().secretKey}`).update(payload, "utf8").digest("base64url");
}

/** The cookie value carrying `data`, signed with SECRET_KEY. */
export function signOAuthState(data: OAuthState): string {
  const payload = Buffer.from(JSON.stringify(data), "utf8").toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The state of a cookie value that is signed, of `kind`, and not expired; null otherwise. */
export function readOAuthState(kind: OAuthKind, value: string | null | undefined, now = new Date()): OAuthState | null {
  if (!value) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (data.kind !== kind || typeof data.state !== "string" || typeof data.project !== "string") return null;
  if (typeof data.iat !== "number") return null;
  const age = now.getTime() / 1000 - data.iat;
  if (age < 0 || age > OAUTH_STATE_MAX_AGE_SECONDS) return null;
  return { kind, state: data.state, project: data.project, iat: data.iat };
}

function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Starts the flow for a user who may write to the project: returns the authorize URL to
 * redirect to and the signed cookie value to set. Throws AppError "not_found" when the flow
 * is not configured, and requireProjectAccess's errors.
 */
export async function startOAuthSetup(
  userId: number,
  kind: OAuthKind,
  projectCode: string,
  now = new Date(),
): Promise<{ authorizeUrl: string; cookieValue: string }> {
  if (!isOAuthEnabled(kind)) throw new AppError("not_found", "Not found");
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  const state = randomBytes(16).toString("base64url");
  const cookieValue = signOAuthState({ kind, state, project: project.code, iat: Math.floor(now.getTime() / 1000) });
  return { authorizeUrl: buildAuthorizeUrl(kind, state), cookieValue };
}

/** Why a flow ended without a new integration; the add page shows OAUTH_ERROR_MESSAGES[code]. */
export type OAuthErrorCode = "denied" | "state" | "exchange";

export const OAUTH_ERROR_MESSAGES: Record<OAuthKind, Record<OAuthErrorCode, string>> = {
  slack: {
    denied: "The Slack integration was not added: access was not granted in Slack.",
    state: "The Slack setup link expired or is not valid. Please start again with “Add to Slack”.",
    exchange: "Received an unexpected response from Slack. The integration was not added.",
  },
  discord: {
    denied: "The Discord integration was not added: access was not granted in Discord.",
    state: "The Discord setup link expired or is not valid. Please start again with “Connect Discord”.",
    exchange: "Received an unexpected response from Discord. The integration was not added.",
  },
};

export class OAuthExchangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OAuthExchangeError";
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Exchanges an authorization code for the channel config of §6.3: Slack's
 * {"incoming_webhook": {...}, "team_name"} (oauth.v2.access) or Discord's {"webhook": {...}}
 * (oauth2/token). Throws OAuthExchangeError on a transport error or an unusable answer.
 */
export async function exchangeOAuthCode(kind: OAuthKind, code: string): Promise<Record<string, unknown>> {
  const env = getEnv();
  const form: Record<string, string> =
    kind === "slack"
      ? { client_id: env.slackClientId, client_secret: env.slackClientSecret, code, redirect_uri: getOAuthRedirectUri(kind, env) }
      : {
          client_id: env.discordClientId,
          client_secret: env.discordClientSecret,
          grant_type: "authorization_code",
          code,
          redirect_uri: getOAuthRedirectUri(kind, env),
        };
  const url = kind === "slack" ? `${env.slackApiUrl}/oauth.v2.access` : `${env.discordApiUrl}/oauth2/token`;
  let doc: unknown;
  try {
    const res = await request({
      method: "POST",
      url,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams(form).toString(),
      retries: 1,
    });
    doc = JSON.parse(res.body.toString("utf8"));
  } catch (err) {
    throw new OAuthExchangeError(err instanceof TransportError ? err.message : "The response is not valid JSON");
  }
  if (!isRecord(doc)) throw new OAuthExchangeError("The response is not a JSON object");
  if (kind === "slack") {
    if (doc.ok !== true) throw new OAuthExchangeError(`Slack answered ok: false (${String(doc.error ?? "no error given")})`);
    const hook = doc.incoming_webhook;
    if (!isRecord(hook) || typeof hook.url !== "string") throw new OAuthExchangeError("The response has no incoming_webhook.url");
    const teamName = isRecord(doc.team) && typeof doc.team.name === "string" ? doc.team.name : "";
    return { incoming_webhook: hook, team_name: teamName };
  }
  const hook = doc.webhook;
  if (!isRecord(hook) || typeof hook.url !== "string") throw new OAuthExchangeError("The response has no webhook.url");
  return { webhook: hook };
}

export type OAuthResult =
  | { ok: true; projectCode: string; channel: Channel }
  | { ok: false; projectCode: string | null; error: OAuthErrorCode; detail?: string };

/**
 * Finishes the flow at the callback: `query` is the callback's query string, `cookieValue` the
 * state cookie. Never throws for the service's or the user's mistakes; it returns the error
 * code the add page explains. requireProjectAccess's AppErrors still propagate (access lost).
 */
export async function completeOAuthSetup(
  userId: number,
  kind: OAuthKind,
  query: URLSearchParams,
  cookieValue: string | null | undefined,
  now = new Date(),
): Promise<OAuthResult> {
  const saved = readOAuthState(kind, cookieValue, now);
  const given = query.get("state") ?? "";
  if (!saved || !given || !sameString(saved.state, given)) return { ok: false, projectCode: saved?.project ?? null, error: "state" };
  const projectCode = saved.project;
  const code = query.get("code");
  if (query.get("error") || !code) return { ok: false, projectCode, error: "denied" };
  if (!isOAuthEnabled(kind)) return { ok: false, projectCode, error: "state" };
  await requireProjectAccess(userActor(userId), projectCode, "write");
  let config: Record<string, unknown>;
  try {
    config = await exchangeOAuthCode(kind, code);
  } catch (err) {
    if (err instanceof OAuthExchangeError) return { ok: false, projectCode, error: "exchange", detail: err.message };
    throw err;
  }
  try {
    const { channel } = await addChannel(userId, projectCode, { kind, config });
    return { ok: true, projectCode, channel };
  } catch (err) {
    // The webhook URL the service returned failed validation.
    if (err instanceof AppError && err.code === "bad_request") return { ok: false, projectCode, error: "exchange", detail: err.message };
    throw err;
  }
}
