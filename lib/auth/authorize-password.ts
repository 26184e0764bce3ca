import { getDb, type User } from "../db";
import { getEnv } from "../env";
import { allowPasswordAttempt, allowSignInAttempt } from "../rate-limit/rate-limits";
import { verifyPassword } from "../users/verify-password";
import { createPendingSignIn } from "./create-pending-sign-in";

export type AuthorizePasswordResult =
  | { kind: "signed_in"; user: User }
  | { kind: "second_factor"; token: string }
  | { kind: "error"; error: "invalid" | "rate_limited" | "disabled" };

// Checked when the address has no account or no password, so a wrong address takes as long as
// a wrong password and does not reveal which accounts exist.
const DUMMY_HASH =
  "scrypt$32768$8$1$RTzFTC+UcWiPTh3f8jx1ew==$6WxGJkmKK2RQ+pKi9SnuWxDAWMlbire2vFoNpYOeiGS8S+2kRKt2Tj+Y1ORk2IQIV0ku7K/3a9POOhQqA0ymYw==";

/**
 * The first factor of a password sign-in, with Healthchecks' limits (20 attempts per IP per
 * hour, 20 per address per day). Users with two-factor enabled get a pending sign-in token to
 * complete with a code instead of a session.
 */
export async function authorizePassword(input: { email: string; password: string; ip: string }, now = new Date()): Promise<AuthorizePasswordResult> {
  if (getEnv().remoteUserHeader) return { kind: "error", error: "disabled" };
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password) return { kind: "error", error: "invalid" };
  if (!(await allowSignInAttempt(input.ip, now))) return { kind: "error", error: "rate_limited" };
  if (!(await allowPasswordAttempt(email, now))) return { kind: "error", error: "rate_limited" };

  const user = await getDb().user.findUnique({ where: { email } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user?.passwordHash || !ok) return { kind: "error", error: "invalid" };
  if (user.totpSecret) return { kind: "second_factor", token: await createPendingSignIn(user, now) };
  return { kind: "signed_in", user };
}
