import { getDb, type User } from "../db";
import { buildReport } from "./build-report";
import { sendReportEmail } from "./send-report-email";
import type { SendResult } from "./types";

/**
 * One step of sendreports' reminders (Healthchecks' handle_one_nag): claims a due nag, which
 * moves next_nag_date one nag period on, and sends "Reminder: N checks still down" listing the
 * checks down now. When nothing is down any more (or nothing was pinged for 180 days) the
 * reminders stop: next_nag_date is cleared until a check goes down again. Returns null when no
 * nag is due. A nag the mail server refuses is reported in `error`; other errors throw.
 */
export async function sendDueNag(now: Date = new Date()): Promise<SendResult | null> {
  const user = await claimDueNag(now);
  if (!user) return null;
  const report = await buildReport(user, { nag: true, now });
  if (!report) {
    const claimed = new Date(now.getTime() + user.nagPeriod * 1000);
    // Only the date this claim set: a settings change may have replaced it meanwhile.
    await getDb().user.updateMany({ where: { id: user.id, nextNagDate: claimed }, data: { nextNagDate: null } });
    return { email: user.email, sent: false };
  }
  return sendReportEmail(report);
}

/**
 * Claims one account whose "still down" reminder is due (next_nag_date <= now, reminders on)
 * by moving next_nag_date one nag period past now. Returns the account as it was read, or null
 * when none is due. Like the report claim, the conditional UPDATE lets exactly one of several
 * sendreports processes win; a stopped process sends one reminder on restart, not one per
 * missed period.
 */
async function claimDueNag(now: Date): Promise<User | null> {
  const db = getDb();
  for (;;) {
    const user = await db.user.findFirst({
      where: { nagPeriod: { gt: 0 }, nextNagDate: { lte: now } },
      orderBy: { nextNagDate: "asc" },
    });
    if (!user) return null;
    const { count } = await db.user.updateMany({
      where: { id: user.id, nagPeriod: user.nagPeriod, nextNagDate: user.nextNagDate },
      data: { nextNagDate: new Date(now.getTime() + user.nagPeriod * 1000) },
    });
    if (count === 1) return user;
  }
}
