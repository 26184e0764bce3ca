import { getDb, type User } from "../db";
import { allowTotpAttempt } from "../rate-limit/rate-limits";
import { hashBackupCode } from "./backup-codes";
import { findTotpStep } from "./totp";

export type SecondFactorResult = "ok" | "invalid" | "rate_limited";

function parseCodes(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
}

/**
 * Checks a 6-digit TOTP code or a backup code of a user with two-factor enabled, and uses it
 * up: the TOTP step is recorded (a code works once) or the backup code is removed. Counts
 * toward the 96-a-day limit whether or not it matches.
 */
export async function verifySecondFactor(user: User, code: string, now = new Date()): Promise<SecondFactorResult> {
  if (!user.totpSecret) return "invalid";
  if (!(await allowTotpAttempt(user.id, now))) return "rate_limited";
  const db = getDb();
  const clean = code.trim();
  if (/^\d{3}\s?\d{3}$/.test(clean)) {
    const step = findTotpStep(user.totpSecret, clean, now, user.totpLastStep);
    if (step === null) return "invalid";
    // Compare-and-set: of two sign-ins racing with the same code, one wins.
    const { count } = await db.user.updateMany({
      where: { id: user.id, totpLastStep: user.totpLastStep },
      data: { totpLastStep: step },
    });
    return count === 1 ? "ok" : "invalid";
  }
  const hash = hashBackupCode(clean);
  const codes = parseCodes(user.backupCodes);
  if (!codes.includes(hash)) return "invalid";
  const { count } = await db.user.updateMany({
    where: { id: user.id, backupCodes: user.backupCodes },
    data: { backupCodes: JSON.stringify(codes.filter((c) => c !== hash)) },
  });
  return count === 1 ? "ok" : "invalid";
}
