// The second factor of a sign-in: a TOTP code from an authenticator app, or one of ten
// single-use backup codes. The TOTP secret is stored encrypted (AES-256-GCM, key derived from
// SECRET_KEY): a copy of the database alone gives no one's second factor. Secrets stored in
// clear by older versions keep working and are encrypted the first time they are used.
import { createHmac, randomInt } from "node:crypto";
import { getDb, type User } from "../db";
import { allowTotpAttempt } from "../rate-limit/rate-limits";
import { getAuthSecret, isSealed, openSecret, sealSecret } from "./secrets";
import { findTotpStep } from "./totp";

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes get copied from paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const TOTP_PURPOSE = "totp-secret";

/** Ten fresh single-use codes like "k7m2p-x9qfa" (about 49 bits each), shown to the user once. */
export function generateBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    let code = "";
    for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/**
 * How a backup code is stored: a keyed hash of the code without case, spaces or dashes. The
 * codes are random, so a fast hash is enough; the key keeps a leaked table from being useful.
 */
export function hashBackupCode(code: string): string {
  const clean = code.toLowerCase().replace(/[\s-]/g, "");
  return createHmac("sha256", getAuthSecret()).update(`backup:${clean}`).digest("hex");
}

/** The stored form of a base32 TOTP secret (User.totpSecret). */
export function sealTotpSecret(secret: string): string {
  return sealSecret(secret, TOTP_PURPOSE);
}

/**
 * The base32 secret behind User.totpSecret: decrypted, or as stored when an older version kept
 * it in clear. Null when it cannot be decrypted (SECRET_KEY changed since it was stored).
 */
export function readTotpSecret(stored: string): string | null {
  if (!isSealed(stored)) return stored;
  try {
    return openSecret(stored, TOTP_PURPOSE);
  } catch {
    return null;
  }
}

function parseCodes(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
}

export type SecondFactorResult = "ok" | "invalid" | "rate_limited";

/**
 * Checks a 6-digit TOTP code or a backup code of a user with two-factor enabled, and uses it
 * up: the TOTP step is recorded (a code works once) or the backup code is removed. Counts
 * toward the 96-a-day limit whether or not it matches. Each write is a compare-and-set on the
 * values read, so of two sign-ins racing with the same code one wins.
 */
export async function verifySecondFactor(user: User, code: string, now = new Date()): Promise<SecondFactorResult> {
  const stored = user.totpSecret;
  const secret = stored && readTotpSecret(stored);
  if (!stored || !secret) return "invalid";
  if (!(await allowTotpAttempt(user.id, now))) return "rate_limited";
  // A secret still in clear is encrypted by the write that uses the code.
  const reseal = isSealed(stored) ? {} : { totpSecret: sealTotpSecret(secret) };
  const db = getDb();
  const clean = code.trim();
  if (/^\d{3}\s?\d{3}$/.test(clean)) {
    const step = findTotpStep(secret, clean, now, user.totpLastStep);
    if (step === null) return "invalid";
    const { count } = await db.user.updateMany({
      where: { id: user.id, totpSecret: stored, totpLastStep: user.totpLastStep },
      data: { totpLastStep: step, ...reseal },
    });
    return count === 1 ? "ok" : "invalid";
  }
  const hash = hashBackupCode(clean);
  const codes = parseCodes(user.backupCodes);
  if (!codes.includes(hash)) return "invalid";
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpSecret: stored, backupCodes: user.backupCodes },
    data: { backupCodes: JSON.stringify(codes.filter((c) => c !== hash)), ...reseal },
  });
  return count === 1 ? "ok" : "invalid";
}
