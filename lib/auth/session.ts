// Who is signed in, for server components and server actions. With REMOTE_USER_HEADER set, the
// trusted proxy's header decides (next-auth sessions are not consulted); otherwise the
// next-auth JWT, whose session version must match the user's.
import { getServerSession } from "next-auth/next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { User } from "../db";
import { userActor, type Actor } from "./actor";
import { getEnv } from "../env";
import { getAuthOptions } from "./auth-options";
import { findRemoteUser } from "./find-remote-user";
import { findSessionUser } from "./find-session-user";
import { safeNextPath } from "./safe-next-path";

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
