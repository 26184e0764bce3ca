import { getEnv } from "../env";
import { sendMail } from "../mail";
import { createLoginLink } from "./create-login-link";
import { escapeHtml } from "../format";

/**
 * Emails `email` a sign-in link (createLoginLink) that leads to `next` afterwards. Throws
 * MailError when the mail cannot be sent (including when EMAIL_HOST is not set). Callers apply
 * the rate limits and decide whether the address should get a link at all.
 */
export async function sendLoginLink(email: string, next?: string): Promise<void> {
  const { siteName } = getEnv();
  const link = await createLoginLink(email, next);
  // The link comes first: people (and the browser tests) take the first URL in the text.
  const text = [
    "Hello,",
    "",
    `To sign in to ${siteName}, open this link:`,
    "",
    link,
    "",
    "The link works once and for one hour. If you did not ask for it, you can ignore this email:",
    "nobody can sign in without opening it.",
    "",
    `-- ${siteName}`,
  ].join("\n");
  const html = `<p>Hello,</p>
<p>To sign in to ${escapeHtml(siteName)}, open this link:</p>
<p><a href="${escapeHtml(link)}">Sign in to ${escapeHtml(siteName)}</a></p>
<p style="color:#64748b">The link works once and for one hour. If you did not ask for it, you can ignore this email: nobody can sign in without opening it.</p>`;
  await sendMail({ to: email, subject: `Sign in to ${siteName}`, text, html });
}
