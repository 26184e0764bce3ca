// Server-action glue: after the session version was bumped (password change, "sign out other
// sessions") the browser that asked must stay signed in, so its JWT is re-issued with the new
// version. Everything else holding an older JWT is signed out.
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { User } from "../db";
import { SESSION_MAX_AGE_SECONDS } from "./auth-options";
import { getAuthSecret } from "./get-auth-secret";
import { getSessionCookie } from "./session-cookie";

/** Re-issues the current request's session for `user` with their current session version. */
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
