// The parts of an "Add to <service>" OAuth setup flow that do not depend on the service, after
// Healthchecks' add_slack_btn/add_slack_complete: the signed state cookie, the redirect URI, the
// messages, and the form POST that exchanges the code. Each kind with a flow (Slack, Discord)
// supplies an OAuthProvider in its descriptor; the verbs that start and finish the flow are in
// lib/channels/oauth-setup.ts.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Env } from "../env";
import { getEnv } from "../env";
import { request } from "../http";
import { isRecord } from "./config";
import { TransportError } from "../errors";

/** What a kind tells the flow about its service. */
export interface OAuthProvider {
  /** "Slack": how the messages name the service. */
  service: string;
  /** "Add to Slack": the button's label. */
  button: string;
  /** Whether the server offers the flow (its client id and secret are set). */
  isEnabled(env: Env): boolean;
  /** The service's authorize page for `state`. */
  getAuthorizeUrl(state: string, redirectUri: string, env: Env): string;
  /**
   * Exchanges an authorization code for the channel config to store (the kind's schema then
   * validates it). Throws OAuthExchangeError on a transport error or an unusable answer.
   */
  exchangeCode(code: string, redirectUri: string, env: Env): Promise<Record<string, unknown>>;
}

/** The state cookie (and so the whole flow) expires after this long. */
export const OAUTH_STATE_MAX_AGE_SECONDS = 600;

/** The redirect URI to register with the service: SITE_ROOT/integrations/add_<kind>_complete/. */
export function getOAuthRedirectUri(kind: string, env: Env = getEnv()): string {
  return `${env.siteRoot}/integrations/add_${kind}_complete/`;
}

/** The path of the button's route, for links on the add page. */
export function getOAuthStartPath(kind: string, projectCode: string): string {
  return `/integrations/add_${kind}_btn/?${new URLSearchParams({ project: projectCode })}`;
}

/** The cookie holding the signed state of `kind`'s flow. */
export function getOAuthCookieName(kind: string): string {
  return `vigil_oauth_${kind}`;
}

/** Why a flow ended without a new integration; the add page explains each. */
export type OAuthErrorCode = "denied" | "state" | "exchange";

export function getOAuthErrorMessage(provider: Pick<OAuthProvider, "service" | "button">, code: OAuthErrorCode): string {
  const { service, button } = provider;
  if (code === "denied") return `The ${service} integration was not added: access was not granted in ${service}.`;
  if (code === "state") return `The ${service} setup link expired or is not valid. Please start again with “${button}”.`;
  return `Received an unexpected response from ${service}. The integration was not added.`;
}

export interface OAuthState {
  kind: string;
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
export function readOAuthState(kind: string, value: string | null | undefined, now = new Date()): OAuthState | null {
  if (!value) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  if (!sameString(sign(payload), signature)) return null;
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

/** Constant-time string comparison. */
export function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class OAuthExchangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OAuthExchangeError";
  }
}

/** POSTs the code-exchange form through lib/http.ts and returns the JSON object answered. Throws OAuthExchangeError. */
export async function postOAuthForm(url: string, form: Record<string, string>): Promise<Record<string, unknown>> {
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
    if (err instanceof TransportError) throw new OAuthExchangeError(err.message);
    if (err instanceof SyntaxError) throw new OAuthExchangeError("The response is not valid JSON");
    throw err;
  }
  if (!isRecord(doc)) throw new OAuthExchangeError("The response is not a JSON object");
  return doc;
}
