import type { Actor } from "../auth/actor";
import { requireAccount } from "../auth/permissions";
import { inTransaction, type Tx, type User } from "../db";
import { AppError } from "../errors";
import { allowCurrentPasswordCheck, RATE_LIMITED_MESSAGE } from "../rate-limit/rate-limits";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from "../auth/credentials";

export interface SetPasswordOptions {
  actor: Actor;
  /** Required once the account has a password. */
  currentPassword?: unknown;
  password: unknown;
  tx?: Tx;
}

/**
 * Sets or changes the actor's password. When one is set already, `currentPassword` must match
 * (20 checks a day per account). Other sessions end: the session version is bumped. Returns
 * the updated user. Throws AppError("bad_request") with a sentence for the form, or
 * AppError("rate_limited").
 */
export async function setPassword({ actor, currentPassword, password, tx }: SetPasswordOptions): Promise<User> {
  const user = await requireAccount(actor, tx);
  if (user.passwordHash) {
    if (typeof currentPassword !== "string" || !currentPassword) {
      throw new AppError("bad_request", "Please enter your current password.", { field: "current" });
    }
    if (!(await allowCurrentPasswordCheck(user.id))) throw new AppError("rate_limited", RATE_LIMITED_MESSAGE);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new AppError("bad_request", "Your current password is not right.", { field: "current" });
    }
  }
  if (typeof password !== "string" || password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("bad_request", `The new password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, { field: "password" });
  }
  if (password.length > MAX_PASSWORD_LENGTH) throw new AppError("bad_request", "The new password is too long.", { field: "password" });
  const passwordHash = await hashPassword(password);
  return inTransaction(tx, async (tx) => {
    // Only over the hash that was checked: a change made meanwhile must be checked again.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("conflict", "Your password was changed meanwhile. Please try again.");
    return tx.user.findUniqueOrThrow({ where: { id: user.id } });
  });
}
