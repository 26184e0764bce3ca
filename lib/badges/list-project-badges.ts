import { getDb } from "../db";
import { getEnv } from "../env";
import { getBadgeUrl } from "../projects/keys";
import type { BadgeFormat } from "./render";
import { getCheckBadgeUrl } from "./urls";

/**
 * Badge lists (the API's badges/ and the badges page) show at most this many tags. Healthchecks
 * has no such limit, but its 500-character tags field holds at most 250 tags per check; a row
 * written before tags were capped can hold hundreds of thousands, and each listed tag costs six
 * signed URLs, so without a bound one request could keep the process busy for seconds.
 */
export const MAX_BADGE_TAGS = 500;

/**
 * The distinct tags in `tagStrings` (space-separated, each trimmed, empty ones dropped), in the
 * order first seen, at most `limit` of them. Stops reading at the limit, so the work is bounded
 * by the tags it returns, not by what the strings hold. `truncated`: more tags were left.
 */
export function collectTags(tagStrings: Iterable<string>, limit = MAX_BADGE_TAGS): { tags: string[]; truncated: boolean } {
  const seen = new Set<string>();
  for (const s of tagStrings) {
    for (let start = 0; start <= s.length; ) {
      let end = s.indexOf(" ", start);
      if (end === -1) end = s.length;
      const tag = s.slice(start, end).trim();
      start = end + 1;
      if (!tag || seen.has(tag)) continue;
      if (seen.size === limit) return { tags: [...seen], truncated: true };
      seen.add(tag);
    }
  }
  return { tags: [...seen], truncated: false };
}

/**
 * The tags a project's badge lists show: collectTags over its checks, oldest check first, so
 * the tags kept when there are too many do not change from one request to the next.
 */
export async function listBadgeTags(projectId: number): Promise<{ tags: string[]; truncated: boolean }> {
  const checks = await getDb().check.findMany({ where: { projectId }, orderBy: { id: "asc" }, select: { tags: true } });
  return collectTags(checks.map((c) => c.tags));
}

/** The six URLs of one badge: each format, two-state and three-state. */
export type BadgeUrls = Record<BadgeFormat, { 2: string; 3: string }>;

export interface BadgeTarget {
  /** The badge's label: MASTER_BADGE_LABEL for all checks, the tag, or the check's name. */
  label: string;
  urls: BadgeUrls;
}

export interface ProjectBadges {
  /** The all-checks badge (tag "*"). */
  all: BadgeTarget;
  /** One per tag used in the project, sorted case-insensitively as Healthchecks' page does. */
  tags: (BadgeTarget & { tag: string })[];
  /** More than MAX_BADGE_TAGS tags are in use; `tags` lists the first of them. */
  tagsTruncated: boolean;
  /** One per check, by name (unnamed ones by UUID). */
  checks: (BadgeTarget & { code: string })[];
}

const FORMATS: BadgeFormat[] = ["svg", "json", "shields"];

function urlsOf(build: (format: BadgeFormat, states: 2 | 3) => string): BadgeUrls {
  const entries = FORMATS.map((f) => [f, { 2: build(f, 2), 3: build(f, 3) }] as const);
  return Object.fromEntries(entries) as BadgeUrls;
}

/** Everything the badges page shows for a project, URLs included. */
export async function listProjectBadges(projectId: number): Promise<ProjectBadges> {
  const project = await getDb().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { badgeKey: true, checks: { orderBy: { id: "asc" }, select: { code: true, name: true, tags: true, badgeKey: true } } },
  });
  const projectUrls = (tag: string) => urlsOf((f, states) => getBadgeUrl(project.badgeKey, tag, f, states === 3));

  const { tags, truncated } = collectTags(project.checks.map((c) => c.tags));
  const sortedTags = tags.sort((a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  });

  const checks = project.checks
    .map((c) => ({ code: c.code, label: c.name || c.code, urls: urlsOf((f, states) => getCheckBadgeUrl(c.badgeKey, states, f)) }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

  return {
    all: { label: getEnv().masterBadgeLabel, urls: projectUrls("*") },
    tags: sortedTags.map((tag) => ({ tag, label: tag, urls: projectUrls(tag) })),
    tagsTruncated: truncated,
    checks,
  };
}
