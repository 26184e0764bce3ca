import { getDb } from "../db";
import { verifyUnsubscribeReportsToken } from "./verify-unsubscribe-reports-token";

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
