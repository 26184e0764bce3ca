import { sendMail } from "../mail";
import { renderReportEmail } from "./render-report-email";
import type { Report } from "./types";

/**
 * Mails a report or nag to its account, with RFC 2369 List-Unsubscribe and RFC 8058 one-click
 * List-Unsubscribe-Post headers pointing at the signed unsubscribe link, as Healthchecks does.
 * Throws MailError when the message cannot be sent.
 */
export async function sendReportEmail(report: Report): Promise<void> {
  const { subject, text, html } = renderReportEmail(report);
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
}
