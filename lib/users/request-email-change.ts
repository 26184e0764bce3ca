import type { Actor } from "../auth/actor";
import { requireAccount } from "../auth/permissions";
import { createVerificationToken, emailChangeIdentifier } from "../auth/verification-tokens";
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { escapeHtml } from "../format";
import { MailError, sendMail } from "../mail";
import { allowLoginLink } from "../rate-limit/rate-limits";
import { parseEmail } from "../auth/credentials";

export const EMAIL_CHANGE_TTL_SECONDS = 3600;

export interface RequestEmailChangeOptions {
  actor: Actor;
  newEmail: unknown;
  now?: Date;
}

/**
 * Mails a confirmation link (valid one hour, single use) to the new address of the actor's
 * account; the address changes only when it is opened (confirmEmailChange). Throws
 * AppError("bad_request") for a bad or unchanged address, "conflict" when another account has
 * it, "rate_limited", and "unavailable" when email is not configured or the mail cannot be
 * sent.
 */
export async function requestEmailChange({ actor, newEmail: input, now = new Date() }: RequestEmailChangeOptions): Promise<void> {
  const user = await requireAccount(actor);
  const env = getEnv();
  if (!env.email.host) throw new AppError("unavailable", "Changing the address needs outgoing email, which this server has not configured.");
  const newEmail = parseEmail(input);
  if (newEmail === user.email) throw new AppError("bad_request", "That is already your email address.", { field: "email" });
  if (await getDb().user.findUnique({ where: { email: newEmail } })) {
    throw new AppError("conflict", "Another account already uses that email address.", { field: "email" });
  }
  if (!(await allowLoginLink(newEmail, now))) throw new AppError("rate_limited", "Too many emails to that address. Please try again later.");

  const identifier = emailChangeIdentifier(user.id, newEmail);
  const token = await createVerificationToken({ identifier, ttlSeconds: EMAIL_CHANGE_TTL_SECONDS, now });
  const link = `${env.siteRoot}/accounts/change-email/${token}`;
  const text = [
    "Hello,",
    "",
    `To use this address for your ${env.siteName} account (now ${user.email}), open this link:`,
    "",
    link,
    "",
    "The link works once and for one hour. If you did not ask for this, ignore this email.",
  ].join("\n");
  const html = `<p>Hello,</p>
<p>To use this address for your ${escapeHtml(env.siteName)} account (now ${escapeHtml(user.email)}), open this link:</p>
<p><a href="${escapeHtml(link)}">Confirm my new email address</a></p>
<p style="color:#64748b">The link works once and for one hour. If you did not ask for this, ignore this email.</p>`;
  try {
    await sendMail({ to: newEmail, subject: `Confirm your new email address for ${env.siteName}`, text, html });
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    console.error(`sending an email-change link to ${newEmail} failed: ${err.message}`);
    throw new AppError("unavailable", "We could not send the email just now. Please try again in a few minutes.");
  }
}
