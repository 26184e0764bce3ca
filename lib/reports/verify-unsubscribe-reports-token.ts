import { timingSafeEqual } from "node:crypto";
import { getUnsubscribeReportsToken } from "./get-unsubscribe-reports-token";

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
