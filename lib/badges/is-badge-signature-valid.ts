import { timingSafeEqual } from "node:crypto";
import { getBadgeSignature } from "../projects/keys";

/**
 * Healthchecks' check_signature(): only the first 8 characters of the URL's signature count,
 * so "<sig>-2" (two-state) and anything else appended still verify.
 */
export function isBadgeSignatureValid(badgeKey: string, tag: string, signature: string): boolean {
  const ours = Buffer.from(getBadgeSignature(badgeKey, tag));
  const theirs = Buffer.from(signature.slice(0, 8));
  return ours.length === theirs.length && timingSafeEqual(ours, theirs);
}
