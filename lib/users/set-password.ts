import { getDb, type User } from "../db";
import { AppError } from "../errors";
import { allowPasswordAttempt } from "../rate-limit/rate-limits";
import { hashPassword } from "./hash-password";
import { verifyPassword } from "./verify-password";

export const MIN_PASSWORD_LENGTH = 8;
// scrypt hashes any length, but there is no reason to accept megabytes.
const MAX_PASSWORD_LENGTH = 1000;

/**
 * Sets or changes the user's password. When one is set already, `currentPassword` must match
 * (counted toward the 20-a-day password attempts). Other sessions end: the session version is
 * bumped. Returns the updated user. Throws AppError("bad_request") with a sentence for the form,
 * or AppError("rate_limited").
 */
export async function setPassword(userId: number, input: { currentPassword?: string; password: string }): Promise<User> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (user.passwordHash) {
    if (!input.currentPassword) throw new AppError("bad_request", "Please enter your current password.");
    if (!(await allowPasswordAttempt(user.email))) throw new AppError("rate_limited", "Too many attempts. Please wait a while and try again.");
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new AppError("bad_request", "Your current password is not right.");
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("bad_request", `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
  if (input.password.length > MAX_PASSWORD_LENGTH) throw new AppError("bad_request", "The new password is too long.");
  return db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.password), sessionVersion: { increment: 1 } },
  });
}
