import type { BadgeRequest } from "./types";
import { unquotePython } from "./unquote-python";

// Healthchecks' URL patterns (hc/api/urls.py) as Django compiles them. `slug` is
// [-a-zA-Z0-9_]+, `uuid` is lowercase only, `int` is digits, and the tag's `quoted` converter
// is [\w%~_.-]+ where Python's \w is any letter, digit or underscore in Unicode.
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
