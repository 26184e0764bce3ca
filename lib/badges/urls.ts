// Badge URLs as Healthchecks' URL patterns (hc/api/urls.py) build and resolve them: a check's
// badge URL, the parsing of any badge path, and the signature check of a project badge. A
// project badge's URL is built by lib/projects/get-badge-url.ts, next to its signature.
import { timingSafeEqual } from "node:crypto";
import { unquotePython } from "../compat/python";
import { getEnv } from "../env";
import { getBadgeSignature } from "../projects/keys";
import type { BadgeFormat } from "./render";

/** A badge URL resolved the way Healthchecks' URL patterns resolve it. */
export type BadgeRequest =
  | {
      kind: "project";
      badgeKey: string;
      /** As it appears in the URL: 8 signature characters, "-2" for two-state, maybe more. */
      signature: string;
      /** "*" for the all-checks form. */
      tag: string;
      /** Any slug: the handler answers 404 to formats other than svg, json and shields. */
      format: string;
    }
  | { kind: "check"; states: number; badgeKey: string; format: string };

/** A check's badge URL as Healthchecks builds it: SITE_ROOT/b/<states>/<badge_key>.<fmt>. */
export function getCheckBadgeUrl(badgeKey: string, states: 2 | 3, format: BadgeFormat): string {
  return `${getEnv().siteRoot}/b/${states}/${badgeKey}.${format}`;
}

// Healthchecks' URL patterns as Django compiles them. `slug` is [-a-zA-Z0-9_]+, `uuid` is
// lowercase only, `int` is digits, and the tag's `quoted` converter is [\w%~_.-]+ where
// Python's \w is any letter, digit or underscore in Unicode.
const SLUG = "[-a-zA-Z0-9_]+";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const TAG_BADGE = new RegExp(`^/badge/(${SLUG})/(${SLUG})/([\\p{L}\\p{N}_%~.-]+)\\.(${SLUG})$`, "u");
const ALL_BADGE = new RegExp(`^/badge/(${SLUG})/(${SLUG})\\.(${SLUG})$`);
const CHECK_BADGE = new RegExp(`^/b/([0-9]+)/(${UUID})\\.(${SLUG})$`);

/**
 * Resolves a raw (still percent-encoded) URL path the way Django resolves Healthchecks' badge
 * URLs, or returns null where Django finds no route (404). Django matches the once-decoded
 * path and its `quoted` converter unquotes the tag a second time; that is why Healthchecks
 * quotes tags twice when building badge URLs ("a/b" → "a%252Fb"). A path that is not UTF-8
 * once decoded is no route here (Django would carry on with "%XX" escapes of the broken bytes,
 * which no signature can match anyway).
 */
export function parseBadgePath(rawPath: string): BadgeRequest | null {
  let path: string;
  try {
    path = unquotePython(rawPath, true);
  } catch {
    return null;
  }
  let m = TAG_BADGE.exec(path);
  if (m) return { kind: "project", badgeKey: m[1], signature: m[2], tag: unquotePython(m[3]), format: m[4] };
  m = ALL_BADGE.exec(path);
  if (m) return { kind: "project", badgeKey: m[1], signature: m[2], tag: "*", format: m[3] };
  m = CHECK_BADGE.exec(path);
  if (m) return { kind: "check", states: Number(m[1]), badgeKey: m[2], format: m[3] };
  return null;
}

/**
 * Healthchecks' check_signature(): only the first 8 characters of the URL's signature count,
 * so "<sig>-2" (two-state) and anything else appended still verify.
 */
export function isBadgeSignatureValid(badgeKey: string, tag: string, signature: string): boolean {
  const ours = Buffer.from(getBadgeSignature(badgeKey, tag));
  const theirs = Buffer.from(signature.slice(0, 8));
  return ours.length === theirs.length && timingSafeEqual(ours, theirs);
}
