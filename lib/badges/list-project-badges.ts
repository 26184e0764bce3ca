import { getDb } from "../db";
import { getEnv } from "../env";
import { getBadgeUrl } from "../projects/keys";
import { getCheckBadgeUrl } from "./get-check-badge-url";
import type { BadgeFormat } from "./types";

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
    select: { badgeKey: true, checks: { select: { code: true, name: true, tags: true, badgeKey: true } } },
  });
  const projectUrls = (tag: string) => urlsOf((f, states) => getBadgeUrl(project.badgeKey, tag, f, states === 3));

  const tags = new Set<string>();
  for (const c of project.checks) for (const t of c.tags.split(" ")) if (t.trim()) tags.add(t.trim());
  const sortedTags = [...tags].sort((a, b) => {
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
    checks,
  };
}
