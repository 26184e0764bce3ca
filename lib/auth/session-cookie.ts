// The name and options of next-auth's session cookie (its defaults, with useSecureCookies
// decided from SITE_ROOT as in auth-options.ts), for the few places that re-issue or end a
// session from a server action.
import { getEnv } from "../env";

export function getSessionCookie(): { name: string; secure: boolean } {
  const secure = getEnv().siteRoot.startsWith("https://");
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

export function getCallbackUrlCookieName(): string {
  return `${getSessionCookie().secure ? "__Secure-" : ""}next-auth.callback-url`;
}
