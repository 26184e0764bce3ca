import { randomBytes } from "node:crypto";
import { getDb } from "../db";
import { getEnv } from "../env";
import { hashToken } from "./hash-token";
import { safeNextPath } from "./safe-next-path";

export const LOGIN_LINK_TTL_SECONDS = 3600;

/**
 * A sign-in link for `email` (absolute URL, valid one hour, single use), leading to `next` (a
 * path on this site) after sign-in. Only the token's hash is stored. The link opens a page with
 * a "Sign in" button that POSTs, so mail scanners that fetch links cannot use it up. It signs
 * in only an existing account: create the user first (provisionUser, invites).
 */
export async function createLoginLink(email: string, next?: string): Promise<string> {
  const db = getDb();
  const now = Date.now();
  const token = randomBytes(24).toString("base64url");
  // The table only ever holds live tokens; expired ones go whenever a new one is made.
  await db.verificationToken.deleteMany({ where: { expires: { lt: new Date(now) } } });
  await db.verificationToken.create({
    data: { identifier: email.trim().toLowerCase(), token: hashToken(token), expires: new Date(now + LOGIN_LINK_TTL_SECONDS * 1000) },
  });
  const params = new URLSearchParams();
  const path = safeNextPath(next);
  if (path) params.set("next", path);
  const query = params.size ? `?${params}` : "";
  return `${getEnv().siteRoot}/accounts/check-token/${token}${query}`;
}
