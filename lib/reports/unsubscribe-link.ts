// The signed link in every report and nag email that turns them off without signing in
// (Healthchecks' Profile.reports_unsub_url, signed with TimestampSigner(salt="reports")).
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";

/**
 * The signed part of a report's unsubscribe link: "<user id>.<HMAC-SHA256 of it, keyed with
 * SECRET_KEY>". User ids are never reused (AUTOINCREMENT / serial), so an old link cannot reach
 * a newer account. The purpose label keeps the HMAC from doubling as any other one we compute.
 */
export function getUnsubscribeReportsToken(userId: number): string {
  const signature = createHmac("sha256", getEnv().secretKey).update(`vigil.unsubscribe-reports\n${userId}`).digest("base64url");
  return `${userId}.${signature}`;
}

/** The user id a report unsubscribe token was signed for, or null when the signature is wrong. */
export function verifyUnsubscribeReportsToken(token: string): number | null {
  const match = /^([1-9][0-9]{0,15})\.[A-Za-z0-9_-]+$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  if (!Number.isSafeInteger(userId)) return null;
  const expected = Buffer.from(getUnsubscribeReportsToken(userId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}

/** SITE_ROOT/accounts/unsubscribe_reports/<signed>/, the link reports and nags carry. */
export function getUnsubscribeReportsUrl(userId: number): string {
  return `${getEnv().siteRoot}/accounts/unsubscribe_reports/${getUnsubscribeReportsToken(userId)}/`;
}
