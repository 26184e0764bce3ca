import { buildReport } from "./build-report";
import { claimDueReport } from "./claim-due-report";
import { sendReportEmail } from "./send-report-email";
import type { SendResult } from "./types";

/**
 * One step of sendreports (Healthchecks' handle_one_report): claims a due report, which moves
 * the account's next_report_date on, then sends it unless none of the account's checks was
 * pinged in the last 180 days. Returns null when no report is due, so
 * `while (await sendDueReport())` sends them all. A report the mail server refuses is
 * reported in `error` and not retried (at most once, like alerts); other errors throw.
 */
export async function sendDueReport(now: Date = new Date()): Promise<SendResult | null> {
  const user = await claimDueReport(now);
  if (!user) return null;
  const report = await buildReport(user, { now });
  if (!report) return { email: user.email, sent: false };
  return sendReportEmail(report);
}
