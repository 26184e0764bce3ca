import { getDb, type User } from "../db";
import { AppError, isRecordNotFound, isUniqueViolation } from "../errors";
import { findEmailChange } from "./find-email-change";

/**
 * Uses up an email-change link and moves the account to the new (now verified) address.
 * Throws AppError("not_found") for an unknown, used or expired link and AppError("conflict")
 * when another account took the address meanwhile.
 */
export async function confirmEmailChange(token: string, now = new Date()): Promise<User> {
  const change = await findEmailChange(token, now);
  if (!change) throw new AppError("not_found", "This link is invalid or has expired. Please request the change again.");
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      await tx.verificationToken.delete({ where: { token: change.tokenHash } });
      return tx.user.update({ where: { id: change.userId }, data: { email: change.newEmail, emailVerified: now } });
    });
  } catch (err) {
    if (isRecordNotFound(err)) throw new AppError("not_found", "This link is invalid or has expired. Please request the change again.");
    if (isUniqueViolation(err)) throw new AppError("conflict", "Another account already uses that email address.");
    throw err;
  }
}
