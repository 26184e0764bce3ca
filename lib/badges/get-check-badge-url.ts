import { getEnv } from "../env";
import type { BadgeFormat } from "./types";

/** A check's badge URL as Healthchecks builds it: SITE_ROOT/b/<states>/<badge_key>.<fmt>. */
export function getCheckBadgeUrl(badgeKey: string, states: 2 | 3, format: BadgeFormat): string {
  return `${getEnv().siteRoot}/b/${states}/${badgeKey}.${format}`;
}
