import { getDb, type User } from "../db";
import { isRecordNotFound } from "../errors";
import { hashToken } from "./hash-token";
import { parsePendingSignInIdentifier } from "./token-identifiers";
import { verifySecondFactor } from "./verify-second-factor";

export type CompleteSecondFactorResult = { ok: true; user: User } | { ok: false; reason: "expired" | "invalid" | "rate_limited" };

/**
 * Finishes a sign-in that passed its first factor (createPendingSignIn's token) with a TOTP or
 * backup code. "expired" when the token is unknown, used, older than 5 minutes, or the user's
 * sessions were revoked meanwhile; "invalid" for a wrong code (the token stays usable).
 */
export async function completeSecondFactor(token: string, code: string, now = new Date()): Promise<CompleteSecondFactorResult> {
  const db = getDb();
  const hashed = hashToken(token);
  const row = await db.verificationToken.findUnique({ where: { token: hashed } });
  const pending = row && parsePendingSignInIdentifier(row.identifier);
  if (!row || !pending) return { ok: false, reason: "expired" };
  if (row.expires.getTime() < now.getTime()) {
    await db.verificationToken.deleteMany({ where: { token: hashed } });
    return { ok: false, reason: "expired" };
  }
  const user = await db.user.findUnique({ where: { id: pending.userId } });
  if (!user || user.sessionVersion !== pending.sessionVersion || !user.totpSecret) return { ok: false, reason: "expired" };

  const result = await verifySecondFactor(user, code, now);
  if (result !== "ok") return { ok: false, reason: result };
  try {
    await db.verificationToken.delete({ where: { token: hashed } });
  } catch (err) {
    // Another request completed this sign-in first.
    if (isRecordNotFound(err)) return { ok: false, reason: "expired" };
    throw err;
  }
  return { ok: true, user };
}
