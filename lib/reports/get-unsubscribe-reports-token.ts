import { createHmac } from "node:crypto";
import { getEnv } from "../env";

/**
 * The signed part of a report's unsubscribe link (Healthchecks signs the username with
 * TimestampSigner(salt="reports")): "<user id>.<HMAC-SHA256 of it, keyed with SECRET_KEY>".
 * User ids are never reused (AUTOINCREMENT / serial), so an old link cannot reach a newer
 * account. The purpose label keeps the HMAC from doubling as any other one we compute.
 */
export function getUnsubscribeReportsToken(userId: number): string {
  const signature = createHmac("sha256", getEnv().secretKey).update(`vigil.unsubscribe-reports\n${userId}`).digest("base64url");
  return `${userId}.${signature}`;
}
