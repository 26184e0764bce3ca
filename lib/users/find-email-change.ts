import { hashToken } from "../auth/hash-token";
import { getDb } from "../db";

const IDENTIFIER = /^~email:(\d+):(.+)$/;

/**
 * The pending email change a link's token stands for, while unused and unexpired, without
 * using it up; null otherwise.
 */
export async function findEmailChange(token: string, now = new Date()): Promise<{ userId: number; newEmail: string; tokenHash: string } | null> {
  const tokenHash = hashToken(token);
  const row = await getDb().verificationToken.findUnique({ where: { token: tokenHash } });
  const m = row && IDENTIFIER.exec(row.identifier);
  if (!row || !m || row.expires.getTime() < now.getTime()) return null;
  return { userId: Number(m[1]), newEmail: m[2], tokenHash };
}
