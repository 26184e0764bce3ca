import { sendLoginLink } from "../auth/login-links";
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { allowLoginLink, allowSignInAttempt, RATE_LIMITED_MESSAGE } from "../rate-limit/rate-limits";
import { parseEmail } from "../auth/credentials";
import { provisionUser } from "./provision-user";

/**
 * The sign-up form, as Healthchecks has it: only an address (and the browser's time zone).
 * A new address gets an account (provisionUser) and a sign-in link; an address that has an
 * account just gets a sign-in link. Same limits as requesting a link. Throws AppError with a
 * sentence for the form ("forbidden" when REGISTRATION_OPEN is off or behind
 * REMOTE_USER_HEADER, "unavailable" without email, "bad_request", "rate_limited").
 */
export async function signUp(input: { email: string; ip: string; tz?: string }, now = new Date()): Promise<string> {
  const env = getEnv();
  if (env.remoteUserHeader) throw new AppError("forbidden", "Accounts are handled by your organisation's proxy.");
  if (!env.registrationOpen) throw new AppError("forbidden", "Sign-up is closed on this server. Ask an administrator for an account.");
  if (!env.email.host) throw new AppError("unavailable", "Sign-up needs outgoing email, which this server has not configured.");
  const email = parseEmail(input.email);
  if (!(await allowSignInAttempt(input.ip, now)) || !(await allowLoginLink(email, now))) {
    throw new AppError("rate_limited", RATE_LIMITED_MESSAGE);
  }
  const existing = await getDb().user.findUnique({ where: { email } });
  if (!existing) {
    try {
      await provisionUser(email, { tz: input.tz });
    } catch (err) {
      // A concurrent sign-up for the same address won; it gets a link like any existing one.
      if (!(err instanceof AppError && err.code === "conflict")) throw err;
    }
  }
  await sendLoginLink(email);
  return email;
}
