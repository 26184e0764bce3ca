import { getDb } from "../db";
import { verifyUnsubscribeReportsToken } from "./verify-unsubscribe-reports-token";

/**
 * What the unsubscribe page shows for a link: null when the signature is wrong, else whether
 * the account still gets reports or reminders (false also for an account deleted since).
 */
export async function getReportsSubscription(token: string): Promise<{ subscribed: boolean } | null> {
  const userId = verifyUnsubscribeReportsToken(token);
  if (userId === null) return null;
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { reports: true, nagPeriod: true } });
  return { subscribed: Boolean(user && (user.reports !== "off" || user.nagPeriod > 0)) };
}
