import { getEnv } from "../env";
import { getBadgeSignature } from "./get-badge-signature";

// encodeURIComponent throws on lone surrogates; JSON input can carry them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Python's urllib.parse.quote(s, safe=""): only letters, digits and _.-~ stay unescaped. */
function pythonQuote(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATE, "\uFFFD")).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A project badge URL as Healthchecks builds it: SITE_ROOT/badge/<badge_key>/<sig>[-2]/<tag>.<fmt>,
 * or SITE_ROOT/badge/<badge_key>/<sig>[-2].<fmt> for "*" (all checks). "-2" marks the
 * two-state badge (late counts as up). The tag is quoted twice, because Django's reverse()
 * quotes the already quoted converter output again ("a/b" -> "a%252Fb"); a badge view must
 * therefore unquote it twice.
 */
export function getBadgeUrl(badgeKey: string, tag: string, fmt: "svg" | "json" | "shields", withLate: boolean): string {
  const sig = getBadgeSignature(badgeKey, tag) + (withLate ? "" : "-2");
  const base = `${getEnv().siteRoot}/badge/${badgeKey}/${sig}`;
  if (tag === "*") return `${base}.${fmt}`;
  return `${base}/${pythonQuote(tag).replace(/%/g, "%25")}.${fmt}`;
}
