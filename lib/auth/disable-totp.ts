import { getDb, type User } from "../db";
import { AppError } from "../errors";
import { verifySecondFactor } from "./verify-second-factor";

/**
 * Turns off two-factor sign-in after checking a current TOTP or backup code, so a session left
 * open on someone else's computer cannot remove it. Throws AppError("bad_request") for a wrong
 * code and AppError("rate_limited") after too many attempts.
 */
export async function disableTotp(user: User, code: string, now = new Date()): Promise<void> {
  const result = await verifySecondFactor(user, code, now);
  if (result === "rate_limited") throw new AppError("rate_limited", "Too many attempts. Please wait a while and try again.");
  if (result !== "ok") throw new AppError("bad_request", "That code is not right.");
  await getDb().user.update({ where: { id: user.id }, data: { totpSecret: null, totpLastStep: null, backupCodes: "[]" } });
}
