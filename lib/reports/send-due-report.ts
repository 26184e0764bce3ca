import { getDb, type User } from "../db";
import { buildReport } from "./build-report";
import { chooseNextReportDate } from "./choose-next-report-date";
import { sendReportEmail } from "./send-report-email";
import { ACTIVE_REPORT_FREQUENCIES, type SendResult } from "./types";

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

/**
 * Claims one account whose report is due (next_report_date <= now) by moving its
 * next_report_date to the next period. Returns the account as it was read, or null when no
 * report is due. Accounts with reports on but no date yet (new accounts, settings changed
 * before dates were kept) are given one and skipped, not sent to.
 *
 * The move is an optimistic lock: an UPDATE that matches only while next_report_date still
 * holds the value read, so of several sendreports processes exactly one wins each report.
 * Sending is at most once: a crash after the claim loses that report rather than repeating it.
 */
async function claimDueReport(now: Date): Promise<User | null> {
  const db = getDb();
  for (;;) {
    // Unindexed: sendreports scans the (small) users table once a minute.
    const user = await db.user.findFirst({
      where: {
        reports: { in: [...ACTIVE_REPORT_FREQUENCIES] },
        OR: [{ nextReportDate: null }, { nextReportDate: { lte: now } }],
      },
      orderBy: { id: "asc" },
    });
    if (!user) return null;
    const { count } = await db.user.updateMany({
      where: { id: user.id, reports: user.reports, nextReportDate: user.nextReportDate },
      data: { nextReportDate: chooseNextReportDate(user.reports, user.tz, now) },
    });
    if (count === 1 && user.nextReportDate !== null) return user;
  }
}
