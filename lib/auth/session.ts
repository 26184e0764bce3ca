// Who is signed in, for server components and server actions. With REMOTE_USER_HEADER set, the
// trusted proxy's header decides (next-auth sessions are not consulted); otherwise the
// next-auth JWT, whose session version must match the user's. Also the glue that re-issues or
// ends the current session from a server action.
import { getServerSession } from "next-auth/next";
import { decode, encode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type User } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { parseEmail } from "./credentials";
import { provisionUser } from "../users/provision-user";
import { userActor, type Actor } from "./actor";
import { getAuthOptions, SESSION_MAX_AGE_SECONDS } from "./auth-options";
import { safeNextPath } from "./request-trust";
import { getAuthSecret } from "./secrets";

/**
 * The user a session token's claims name, or null when the user is gone or the token predates
 * the user's last password change / "sign out other sessions" (its session version is stale).
 */
export async function findSessionUser(claims: { uid?: unknown; sv?: unknown }): Promise<User | null> {
  if (typeof claims.uid !== "number" || typeof claims.sv !== "number") return null;
  const user = await getDb().user.findUnique({ where: { id: claims.uid } });
  return user && user.sessionVersion === claims.sv ? user : null;
}

/**
 * The user named by the trusted proxy header (REMOTE_USER_HEADER), created on first sight like
 * Healthchecks' CustomHeaderBackend does; null when the header is missing or not an address.
 */
export async function findRemoteUser(headerValue: string | null | undefined): Promise<User | null> {
  let email: string;
  try {
    email = parseEmail(headerValue);
  } catch {
    return null;
  }
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing;
  try {
    return (await provisionUser(email)).user;
  } catch (err) {
    // Two first requests raced; the other one created the account.
    if (err instanceof AppError && err.code === "conflict") return db.user.findUnique({ where: { email } });
    throw err;
  }
}

/** The signed-in user, or null. Memoised per request (the layout and the page both ask). */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const { remoteUserHeader } = getEnv();
  if (remoteUserHeader) return findRemoteUser((await headers()).get(remoteUserHeader));
  const session = await getServerSession(getAuthOptions());
  return session ? findSessionUser(session) : null;
});

/**
 * The signed-in user; when signed out, redirects to the sign-in page, which comes back to
 * `next` (the current page's path, when the caller passes it) afterwards.
 */
export async function requireUser(next?: string): Promise<User> {
  const user = await getCurrentUser();
  if (user) return user;
  const path = safeNextPath(next);
  redirect(path ? `/accounts/login?${new URLSearchParams({ next: path })}` : "/accounts/login");
}

/** The signed-in user as the actor of a verb; redirects to sign in when signed out. */
export async function requireActor(next?: string): Promise<Actor> {
  return userActor((await requireUser(next)).id);
}

/**
 * The name and options of next-auth's session cookie (its defaults, with useSecureCookies
 * decided from SITE_ROOT as in auth-options.ts).
 */
export function getSessionCookie(): { name: string; secure: boolean } {
  const secure = getEnv().siteRoot.startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

export function getCallbackUrlCookieName(): string {
  return `${getSessionCookie().secure ? "__Secure-" : ""}next-auth.callback-url`;
}

/**
 * Re-issues the current request's session for `user` with their current session version:
 * after a password change or "sign out other sessions" the browser that asked stays signed in,
 * every older JWT is signed out.
 */
export async function reissueSession(user: User): Promise<void> {
  const { name, secure } = getSessionCookie();
  const store = await cookies();
  const current = store.get(name)?.value;
  if (!current) return;
  const secret = getAuthSecret();
  const token = await decode({ token: current, secret }).catch(() => null);
  if (!token || token.uid !== user.id) return;
  const value = await encode({ token: { ...token, sv: user.sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
  store.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_MAX_AGE_SECONDS });
}

/** Ends the current request's session (after closing the account). */
export async function endSession(): Promise<void> {
  const { name } = getSessionCookie();
  (await cookies()).delete(name);
}

/**
 * What `read` resolves to, or Next's 404 page when it fails with AppError "not_found": pages
 * that read through a verb's access check show a 404 for what the user may not see, so they
 * reveal nothing about it. Other errors go on to the error page.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
