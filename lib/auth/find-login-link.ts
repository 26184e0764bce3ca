import { getDb } from "../db";
import { hashToken } from "./hash-token";
import { isSignInIdentifier } from "./token-identifiers";

/**
 * The address a sign-in link's token is for, while the token is unused and unexpired, without
 * using it up (for the page that asks "Sign in as ...?"); null otherwise.
 */
export async function findLoginLink(token: string, now = new Date()): Promise<{ email: string } | null> {
  const row = await getDb().verificationToken.findUnique({ where: { token: hashToken(token) } });
  if (!row || !isSignInIdentifier(row.identifier) || row.expires.getTime() < now.getTime()) return null;
  return { email: row.identifier };
}
