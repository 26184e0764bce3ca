import { CHECK_TIMING_SELECT, getStatus } from "../checks/status";
import { getDb } from "../db";
import { summarizeBadgeStatuses } from "./summarize-badge-statuses";
import type { BadgeSummary } from "./types";

/**
 * The badge of the project with this badge key over its checks that carry `tag` exactly
 * ("*" = all of them), or null when no project has the key.
 */
export async function getProjectBadgeSummary(badgeKey: string, tag: string, withLate: boolean, now = new Date()): Promise<BadgeSummary | null> {
  const project = await getDb().project.findUnique({
    where: { badgeKey },
    // `contains` only narrows the rows (like Healthchecks' tags__contains); the exact tag
    // match below drops "prodx" for "prod".
    select: { checks: { where: tag === "*" ? {} : { tags: { contains: tag } }, select: { ...CHECK_TIMING_SELECT, tags: true } } },
  });
  if (!project) return null;
  const checks = tag === "*" ? project.checks : project.checks.filter((c) => c.tags.split(" ").some((t) => t.trim() === tag));
  return summarizeBadgeStatuses(
    checks.map((c) => getStatus(c, now)),
    withLate,
  );
}
