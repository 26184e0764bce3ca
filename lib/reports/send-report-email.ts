import { MailError, sendMail } from "../mail";
import { renderReportEmail } from "./render-report-email";
import type { Report, SendResult } from "./types";

/**
 * Mails a report or nag to its account, with RFC 2369 List-Unsubscribe and RFC 8058 one-click
 * List-Unsubscribe-Post headers pointing at the signed unsubscribe link, as Healthchecks does.
 * A message the mail server refuses (MailError) is reported in `error`, not retried; other
 * errors throw.
 */
export async function sendReportEmail(report: Report): Promise<SendResult> {
  const { subject, text, html } = renderReportEmail(report);
  try {
    await sendMail({
      to: report.email,
      subject,
      text,
      html,
      headers: {
        "List-Unsubscribe": `<${report.unsubscribeUrl}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
  } catch (err) {
    if (err instanceof MailError) return { email: report.email, sent: false, error: err.message };
    throw err;
  }
  return { email: report.email, sent: true };
}
