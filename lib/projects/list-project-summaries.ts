import { CHECK_TIMING_SELECT, getStatus } from "../checks/status";
import { getDb } from "../db";
import { listUserProjects, type UserProject } from "./list-user-projects";

export interface ProjectSummary extends UserProject {
  checkCount: number;
  /** Checks per UI status; "grace" is shown as late. */
  counts: { up: number; grace: number; down: number; paused: number; new: number; started: number };
  /** The worst status among the checks: down, then grace, then up ("new" when there are none). */
  overall: "down" | "grace" | "up" | "new";
}

/** The user's projects with how many checks each has and in which state, for /projects. */
export async function listProjectSummaries(userId: number, now = new Date()): Promise<ProjectSummary[]> {
  const projects = await listUserProjects(userId);
  if (projects.length === 0) return [];
  const checks = await getDb().check.findMany({
    where: { project: { code: { in: projects.map((p) => p.code) } } },
    select: { ...CHECK_TIMING_SELECT, project: { select: { code: true } } },
  });
  const byCode = new Map<string, ProjectSummary>(
    projects.map((p) => [
      p.code,
      { ...p, checkCount: 0, counts: { up: 0, grace: 0, down: 0, paused: 0, new: 0, started: 0 }, overall: "new" },
    ]),
  );
  for (const check of checks) {
    const summary = byCode.get(check.project.code)!;
    summary.checkCount++;
    summary.counts[getStatus(check, now, true)]++;
  }
  for (const s of byCode.values()) {
    if (s.counts.down > 0) s.overall = "down";
    else if (s.counts.grace > 0) s.overall = "grace";
    else if (s.checkCount > 0) s.overall = "up";
  }
  return [...byCode.values()];
}
