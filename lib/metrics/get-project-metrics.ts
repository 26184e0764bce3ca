import { getDb } from "../db";
import { getDisplayStatus } from "../checks/get-display-status";
import { CHECK_TIMING_SELECT } from "../checks/types";
import { getUniqueKey } from "../checks/get-unique-key";
import { findProjectByApiKey } from "../projects/keys";
import { renderProjectMetrics } from "./render-project-metrics";

export interface ProjectMetricsResult {
  status: 200 | 400 | 403;
  body: string;
}

/**
 * A project's Prometheus metrics for its read-only API key (Healthchecks' metrics view): 400
 * for a key that is not 32 characters, 403 for an unknown or read-write key. The project comes
 * from the key alone; like Healthchecks, the UUID in the URL is not compared with it.
 */
export async function getProjectMetrics(key: string, now = new Date()): Promise<ProjectMetricsResult> {
  if (key.length !== 32) return { status: 400, body: "API key must be 32 characters" };
  const found = await findProjectByApiKey(key);
  if (!found?.readOnly) return { status: 403, body: "unknown read-only API key" };

  const checks = await getDb().check.findMany({
    where: { projectId: found.project.id },
    orderBy: { id: "asc" },
    select: { code: true, name: true, tags: true, ...CHECK_TIMING_SELECT },
  });
  return {
    status: 200,
    body: renderProjectMetrics(
      checks.map((c) => ({
        name: c.name,
        tags: c.tags,
        uniqueKey: getUniqueKey(c.code),
        status: getDisplayStatus(c, now, false),
        started: c.lastStart !== null,
      })),
    ),
  };
}
