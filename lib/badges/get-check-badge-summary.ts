import { getStatus } from "../checks/status";
import { getDb } from "../db";
import { summarizeBadgeStatuses } from "./summarize-badge-statuses";
import type { BadgeSummary } from "./types";

/**
 * The badge of the check with this badge key, labelled with its name (its UUID when it has
 * none), or null when no check has the key.
 */
export async function getCheckBadgeSummary(
  badgeKey: string,
  withLate: boolean,
  now = new Date(),
): Promise<{ label: string; summary: BadgeSummary } | null> {
  const check = await getDb().check.findUnique({ where: { badgeKey } });
  if (!check) return null;
  return { label: check.name || check.code, summary: summarizeBadgeStatuses([getStatus(check, now)], withLate) };
}
