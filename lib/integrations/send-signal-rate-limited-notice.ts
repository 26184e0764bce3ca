// The fallback when Signal rate-limits the sending number: the notification goes to the
// project owner by email instead (Healthchecks' "signal-rate-limited" email), so the alert is
// not lost while an admin solves the CAPTCHA.
import { getDb } from "../db";
import { getEnv } from "../env";
import { escapeHtml } from "../format";
import { sendMail } from "../mail";

/** Healthchecks' mask_phone filter: "+15551234567" → "+155******567"; short values as they are. */
function maskRecipient(value: string): string {
  return value.length > 7 ? `${value.slice(0, 4)}******${value.slice(-3)}` : value;
}

/**
 * Emails the owner of the channel's project the Signal message that could not be sent:
 * `plaintext` is what Signal would have shown (its first line becomes the subject), `html`
 * the same with its bold parts. Skipped without EMAIL_HOST; never throws.
 */
export async function sendSignalRateLimitedNotice(
  ownerId: number,
  recipient: string,
  message: { plaintext: string; html: string },
): Promise<boolean> {
  const env = getEnv();
  if (!env.email.host) return false;
  const owner = await getDb().user.findUnique({ where: { id: ownerId }, select: { email: true } });
  if (!owner) return false;
  const masked = maskRecipient(recipient);
  const intro = `We could not deliver a Signal notification to ${masked} due to hitting a rate-limit on the Signal network, so we are sending it via email instead:`;
  const text = ["Hello,", "", intro, "", "***", message.plaintext, "***", "", "Regards,", `The ${env.siteName} Team`, ""].join("\n");
  const html = [
    "<p>Hello,</p>",
    `<p>We could not deliver a Signal notification to <strong>${escapeHtml(masked)}</strong> due to hitting a rate-limit on the Signal network, so we are sending it via email instead:</p>`,
    `<div style="background: #F2F4F6; padding: 20px;">${message.html.replace(/\n/g, "<br>\n")}</div>`,
    `<p>Regards,<br>The ${escapeHtml(env.siteName)} Team</p>`,
  ].join("\n");
  try {
    await sendMail({ to: owner.email, subject: `Signal notification failed: ${message.plaintext.split("\n")[0]}`, text, html });
    return true;
  } catch {
    return false;
  }
}
