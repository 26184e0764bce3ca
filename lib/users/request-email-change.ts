import { randomBytes } from "node:crypto";
import { hashToken } from "../auth/hash-token";
import { escapeHtml } from "../format";
import { emailChangeIdentifier } from "../auth/token-identifiers";
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { sendMail } from "../mail";
import { allowLoginLink } from "../rate-limit/rate-limits";
import { parseEmail } from "./parse-email";

export const EMAIL_CHANGE_TTL_SECONDS = 3600;

/**
 * Mails a confirmation link (valid one hour, single use) to the new address; the address
 * changes only when it is opened (confirmEmailChange). Throws AppError("bad_request") for a bad
 * or unchanged address, "conflict" when another account has it, "rate_limited", and
 * "unavailable" when email is not configured; MailError when the mail cannot be sent.
 */
export async function requestEmailChange(userId: number, newEmailInput: string, now = new Date()): Promise<void> {
  const env = getEnv();
  if (!env.email.host) throw new AppError("unavailable", "Changing the address needs outgoing email, which this server has not configured.");
  const newEmail = parseEmail(newEmailInput);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (newEmail === user.email) throw new AppError("bad_request", "That is already your email address.");
  if (await db.user.findUnique({ where: { email: newEmail } })) {
    throw new AppError("conflict", "Another account already uses that email address.");
  }
  if (!(await allowLoginLink(newEmail, now))) throw new AppError("rate_limited", "Too many emails to that address. Please try again later.");

  const token = randomBytes(24).toString("base64url");
  await db.verificationToken.create({
    data: {
      identifier: emailChangeIdentifier(userId, newEmail),
      token: hashToken(token),
      expires: new Date(now.getTime() + EMAIL_CHANGE_TTL_SECONDS * 1000),
    },
  });
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
  await sendMail({ to: newEmail, subject: `Confirm your new email address for ${env.siteName}`, text, html });
}
