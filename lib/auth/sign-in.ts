// The steps of a sign-in that next-auth's providers (auth-options.ts) call: the password as a
// first factor, then, for accounts with two-factor authentication, a pending sign-in that a
// code completes within five minutes.
import { getDb, type User } from "../db";
import { getEnv } from "../env";
import { isRecordNotFound } from "../errors";
import { allowPasswordAttempt, allowSignInAttempt, resetPasswordAttempts } from "../rate-limit/rate-limits";
import { verifyPassword } from "./credentials";
import { verifySecondFactor } from "./second-factor";
import { createVerificationToken, findVerificationToken, parsePendingSignInIdentifier, pendingSignInIdentifier } from "./verification-tokens";

/** The second factor must follow the first within 5 minutes (Healthchecks: 300 s). */
export const PENDING_SIGN_IN_TTL_SECONDS = 300;

export type AuthorizePasswordResult =
  | { kind: "signed_in"; user: User }
  | { kind: "second_factor"; token: string }
  | { kind: "error"; error: "invalid" | "rate_limited" | "disabled" };

// Checked when the address has no account or no password, so a wrong address takes as long as
// a wrong password and does not reveal which accounts exist.
const DUMMY_HASH =
  "scrypt$32768$8$1$RTzFTC+UcWiPTh3f8jx1ew==$6WxGJkmKK2RQ+pKi9SnuWxDAWMlbire2vFoNpYOeiGS8S+2kRKt2Tj+Y1ORk2IQIV0ku7K/3a9POOhQqA0ymYw==";

/**
 * The first factor of a password sign-in: 20 attempts per client address per hour, and 20 per
 * account from one address per day (a right password clears the latter). Users with two-factor
 * enabled get a pending sign-in token to complete with a code instead of a session.
 */
export async function authorizePassword(input: { email: string; password: string; ip: string }, now = new Date()): Promise<AuthorizePasswordResult> {
  if (getEnv().remoteUserHeader) return { kind: "error", error: "disabled" };
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password) return { kind: "error", error: "invalid" };
  if (!(await allowSignInAttempt(input.ip, now))) return { kind: "error", error: "rate_limited" };
  if (!(await allowPasswordAttempt(email, input.ip, now))) return { kind: "error", error: "rate_limited" };

  const user = await getDb().user.findUnique({ where: { email } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user?.passwordHash || !ok) return { kind: "error", error: "invalid" };
  await resetPasswordAttempts(email, input.ip);
  if (user.totpSecret) return { kind: "second_factor", token: await createPendingSignIn(user, now) };
  return { kind: "signed_in", user };
}

/**
 * Records that `user` passed the first factor and returns the token that completes the
 * sign-in together with a second-factor code (completeSecondFactor). Stored hashed.
 */
export async function createPendingSignIn(user: User, now = new Date()): Promise<string> {
  const identifier = pendingSignInIdentifier(user.id, user.sessionVersion);
  return createVerificationToken({ identifier, ttlSeconds: PENDING_SIGN_IN_TTL_SECONDS, now });
}

export type CompleteSecondFactorResult = { ok: true; user: User } | { ok: false; reason: "expired" | "invalid" | "rate_limited" };

/**
 * Finishes a sign-in that passed its first factor (createPendingSignIn's token) with a TOTP or
 * backup code. "expired" when the token is unknown, used, older than 5 minutes, or the user's
 * sessions were revoked meanwhile; "invalid" for a wrong code (the token stays usable).
 */
export async function completeSecondFactor(token: string, code: string, now = new Date()): Promise<CompleteSecondFactorResult> {
  const db = getDb();
  const row = await findVerificationToken(token, now);
  const pending = row && parsePendingSignInIdentifier(row.identifier);
  if (!row || !pending) {
    // Expired tokens go now rather than at the next token made.
    await db.verificationToken.deleteMany({ where: { expires: { lt: now } } });
    return { ok: false, reason: "expired" };
  }
  const user = await db.user.findUnique({ where: { id: pending.userId } });
  if (!user || user.sessionVersion !== pending.sessionVersion || !user.totpSecret) return { ok: false, reason: "expired" };

  const result = await verifySecondFactor(user, code, now);
  if (result !== "ok") return { ok: false, reason: result };
  try {
    await db.verificationToken.delete({ where: { token: row.token } });
  } catch (err) {
    // Another request completed this sign-in first.
    if (isRecordNotFound(err)) return { ok: false, reason: "expired" };
    throw err;
  }
  return { ok: true, user };
}
