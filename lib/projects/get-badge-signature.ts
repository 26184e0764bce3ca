import { createHash, createHmac } from "node:crypto";
import { getEnv } from "../env";

/**
 * The 8-character signature in a project badge URL: Django's base64_hmac(badge_key, tag,
 * SECRET_KEY)[:8], i.e. unpadded base64url of HMAC-SHA1 keyed with SHA1(badge_key +
 * SECRET_KEY). Same SECRET_KEY, same URLs as Healthchecks. Badge views compare only these 8
 * characters.
 */
export function getBadgeSignature(badgeKey: string, tag: string): string {
  const key = createHash("sha1").update(badgeKey + getEnv().secretKey, "utf8").digest();
  return createHmac("sha1", key).update(tag, "utf8").digest("base64url").slice(0, 8);
}
