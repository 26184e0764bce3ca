import { quotePython } from "../compat/python";
import { getEnv } from "../env";
import { getBadgeSignature } from "./get-badge-signature";

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
  return `${base}/${quotePython(tag).replace(/%/g, "%25")}.${fmt}`;
}
