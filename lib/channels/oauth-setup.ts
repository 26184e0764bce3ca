// The "Add to Slack" / "Connect Discord" setup flows, after Healthchecks' add_slack_btn and
// add_slack_complete. The button's route (startOAuthSetup) checks write access, picks a random
// `state` and keeps it, with the project and the time, in a short-lived cookie signed with
// SECRET_KEY, then sends the browser to the service's authorize page. The callback
// (completeOAuthSetup) accepts the answer only if its `state` matches the signed cookie,
// exchanges the code for the webhook through the kind's OAuthProvider, and creates the channel.
// The service-specific parts are each kind's (lib/integrations/<kind>/), the shared ones in
// lib/integrations/oauth.ts.
import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import type { Channel } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import {
  getOAuthRedirectUri,
  OAuthExchangeError,
  readOAuthState,
  sameString,
  signOAuthState,
  type OAuthErrorCode,
  type OAuthProvider,
} from "../integrations/oauth";
import { getKind } from "../integrations/registry";
import { createChannel } from "./create-channel";

/** The OAuth provider of `kind` when the server offers its flow, else null. */
export function getOAuthProvider(kind: string): OAuthProvider | null {
  const provider = getKind(kind)?.oauth;
  return provider && provider.isEnabled(getEnv()) ? provider : null;
}

export interface StartOAuthSetupOptions {
  actor: Actor;
  kind: string;
  projectCode: string;
  now?: Date;
}

/**
 * Starts the flow: returns the authorize URL to redirect to and the signed cookie value to set.
 * Throws AppError "not_found" when the flow is not offered, and requireProjectAccess's errors.
 */
export async function startOAuthSetup({ actor, kind, projectCode, now = new Date() }: StartOAuthSetupOptions): Promise<{ authorizeUrl: string; cookieValue: string }> {
  const { project } = await requireProjectAccess(actor, projectCode, "write");
  const provider = getOAuthProvider(kind);
  if (!provider) throw new AppError("not_found", "Not found");
  const state = randomBytes(16).toString("base64url");
  const cookieValue = signOAuthState({ kind, state, project: project.code, iat: Math.floor(now.getTime() / 1000) });
  const env = getEnv();
  return { authorizeUrl: provider.getAuthorizeUrl(state, getOAuthRedirectUri(kind, env), env), cookieValue };
}

export type OAuthResult =
  | { ok: true; projectCode: string; channel: Channel }
  | { ok: false; projectCode: string | null; error: OAuthErrorCode; detail?: string };

export interface CompleteOAuthSetupOptions {
  actor: Actor;
  kind: string;
  /** The callback's query string. */
  query: URLSearchParams;
  /** The state cookie's value. */
  cookieValue: string | null | undefined;
  now?: Date;
}

/**
 * Finishes the flow at the callback and creates the channel, attached to every check of the
 * project. Never throws for the service's or the user's mistakes: it returns the error code the
 * add page explains. Access errors still propagate (write access lost meanwhile).
 */
export async function completeOAuthSetup({ actor, kind, query, cookieValue, now = new Date() }: CompleteOAuthSetupOptions): Promise<OAuthResult> {
  const saved = readOAuthState(kind, cookieValue, now);
  const given = query.get("state") ?? "";
  if (!saved || !given || !sameString(saved.state, given)) return { ok: false, projectCode: saved?.project ?? null, error: "state" };
  const projectCode = saved.project;
  const code = query.get("code");
  if (query.get("error") || !code) return { ok: false, projectCode, error: "denied" };
  const provider = getOAuthProvider(kind);
  if (!provider) return { ok: false, projectCode, error: "state" };
  // Access before the exchange: a user who lost write access never gets a webhook minted.
  await requireProjectAccess(actor, projectCode, "write");
  let config: Record<string, unknown>;
  try {
    const env = getEnv();
    config = await provider.exchangeCode(code, getOAuthRedirectUri(kind, env), env);
  } catch (err) {
    if (err instanceof OAuthExchangeError) return { ok: false, projectCode, error: "exchange", detail: err.message };
    throw err;
  }
  try {
    const { channel } = await createChannel({ actor, projectCode, input: { kind, config, checks: "*" } });
    return { ok: true, projectCode, channel };
  } catch (err) {
    // The webhook URL the service returned failed validation.
    if (err instanceof AppError && err.code === "bad_request") return { ok: false, projectCode, error: "exchange", detail: err.message };
    throw err;
  }
}
