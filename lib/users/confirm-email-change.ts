import { findVerificationToken, parseEmailChangeIdentifier } from "../auth/verification-tokens";
import { getDb, type User } from "../db";
import { AppError, isRecordNotFound, isUniqueViolation } from "../errors";

const EXPIRED = "This link is invalid or has expired. Please request the change again.";

/**
 * The pending email change a link's token stands for, while unused and unexpired, without
 * using it up (for the page that asks to confirm); null otherwise.
 */
export async function findEmailChange(token: string, now = new Date()): Promise<{ userId: number; newEmail: string; tokenHash: string } | null> {
  const row = await findVerificationToken(token, now);
  const change = row && parseEmailChangeIdentifier(row.identifier);
  return row && change ? { ...change, tokenHash: row.token } : null;
}

/**
 * Uses up an email-change link and moves the account to the new (now verified) address. The
 * link itself is the authority (it was mailed to the new address), so no actor is asked for:
 * the page works without a session. Throws AppError("not_found") for an unknown, used or
 * expired link and AppError("conflict") when another account took the address meanwhile.
 */
export async function confirmEmailChange(token: string, now = new Date()): Promise<User> {
  if (typeof token !== "string") throw new AppError("not_found", EXPIRED);
  const change = await findEmailChange(token, now);
  if (!change) throw new AppError("not_found", EXPIRED);
  try {
    return await getDb().$transaction(async (tx) => {
      await tx.verificationToken.delete({ where: { token: change.tokenHash } });
      return tx.user.update({ where: { id: change.userId }, data: { email: change.newEmail, emailVerified: now } });
    });
  } catch (err) {
    if (isRecordNotFound(err)) throw new AppError("not_found", EXPIRED);
    if (isUniqueViolation(err)) throw new AppError("conflict", "Another account already uses that email address.");
    throw err;
  }
}
