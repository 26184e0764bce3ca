import { getDb } from "../db";
import { verifyUnsubscribeReportsToken } from "./unsubscribe-link";

/**
 * Turns reports and reminders off for the account a signed unsubscribe link names
 * (Healthchecks' unsubscribe_reports / Profile.disable_reports). Returns false when the
 * signature is wrong. A correctly signed link for an account that no longer exists counts as
 * done, as in Healthchecks: there is nothing left to send to.
 */
export async function unsubscribeReports(token: string): Promise<boolean> {
  const userId = verifyUnsubscribeReportsToken(token);
  if (userId === null) return false;
  await getDb().user.updateMany({
    where: { id: userId },
    data: { reports: "off", nextReportDate: null, nagPeriod: 0, nextNagDate: null },
  });
  return true;
}

/**
 * What the unsubscribe page shows for a link before the click: null when the signature is
 * wrong, else whether the account still gets reports or reminders (false also for an account
 * deleted since).
 */
export async function getReportsSubscription(token: string): Promise<{ subscribed: boolean } | null> {
  const userId = verifyUnsubscribeReportsToken(token);
  if (userId === null) return null;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { reports: true, nagPeriod: true } });
  return { subscribed: Boolean(user && (user.reports !== "off" || user.nagPeriod > 0)) };
}
