import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { allowLoginLink, allowSignInAttempt, RATE_LIMITED_MESSAGE } from "../rate-limit/rate-limits";
import { parseEmail } from "./credentials";
import { sendLoginLink } from "./login-links";

/**
 * The "email me a link" form: applies the limits (20 attempts per IP per hour, 10 links per
 * address per hour) and mails a sign-in link if the address has an account. Whether it has one
 * is not revealed: the caller says "check your email" either way. Returns the normalised
 * address. Throws AppError with a sentence for the form ("bad_request", "rate_limited",
 * "unavailable" when email is off or sending fails, "forbidden" behind REMOTE_USER_HEADER).
 */
export async function requestLoginLink(input: { email: string; ip: string; next?: string }, now = new Date()): Promise<string> {
  const env = getEnv();
  if (env.remoteUserHeader) throw new AppError("forbidden", "Sign-in is handled by your organisation's proxy.");
  if (!env.email.host) throw new AppError("unavailable", "Sign-in links are not available: this server has no outgoing email configured.");
  const email = parseEmail(input.email);
  if (!(await allowSignInAttempt(input.ip, now)) || !(await allowLoginLink(email, now))) {
    throw new AppError("rate_limited", RATE_LIMITED_MESSAGE);
  }
  const user = await getDb().user.findUnique({ where: { email } });
  if (!user) return email;
  await sendLoginLink(email, input.next);
  return email;
}
