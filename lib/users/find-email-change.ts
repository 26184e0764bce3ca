import { hashToken } from "../auth/hash-token";
import { parseEmailChangeIdentifier } from "../auth/token-identifiers";
import { getDb } from "../db";

/**
 * The pending email change a link's token stands for, while unused and unexpired, without
 * using it up; null otherwise.
 */
export async function findEmailChange(token: string, now = new Date()): Promise<{ userId: number; newEmail: string; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const row = await getDb().verificationToken.findUnique({ where: { token: tokenHash } });
  const change = row && parseEmailChangeIdentifier(row.identifier);
  if (!row || !change || row.expires.getTime() < now.getTime()) return null;
  return { ...change, tokenHash };
}
