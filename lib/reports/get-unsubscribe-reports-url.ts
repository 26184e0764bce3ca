import { getEnv } from "../env";
import { getUnsubscribeReportsToken } from "./get-unsubscribe-reports-token";

/** Healthchecks' Profile.reports_unsub_url: SITE_ROOT/accounts/unsubscribe_reports/<signed>/. */
export function getUnsubscribeReportsUrl(userId: number): string {
  return `${getEnv().siteRoot}/accounts/unsubscribe_reports/${getUnsubscribeReportsToken(userId)}/`;
}
