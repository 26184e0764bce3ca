// Reads of projects for pages, the shell and the CLI. Each answers only what its actor may see.
import type { Actor } from "../auth/actor";
import { requireCheckAccess, requireProjectAccess, roleFromMemberCode, type ProjectAction, type ProjectRole } from "../auth/permissions";
import { getDisplayStatus, toTwoStateStatus } from "../checks/status";
import { CHECK_TIMING_SELECT } from "../checks/status";
import { getDb, type Project } from "../db";
import { AppError } from "../errors";

export interface UserProject {
  code: string;
  name: string;
  role: ProjectRole;
}

/**
 * The projects the user owns or belongs to, sorted by name (case-insensitive), for the project
 * switcher and the landing redirect. Two indexed queries, no check data: it runs on every page.
 */
export async function listUserProjects(userId: number): Promise<UserProject[]> {
  const db = getDb();
  const [owned, memberships] = await Promise.all([
    db.project.findMany({ where: { ownerId: userId }, select: { code: true, name: true } }),
    db.member.findMany({ where: { userId }, select: { role: true, project: { select: { code: true, name: true } } } }),
  ]);
  const projects: UserProject[] = [
    ...owned.map((p) => ({ ...p, role: "owner" as const })),
    ...memberships.map((m) => ({ ...m.project, role: roleFromMemberCode(m.role) })),
  ];
  return projects.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }) || a.code.localeCompare(b.code));
}

export interface ProjectSummary extends UserProject {
  checkCount: number;
  /** Checks per UI status; "grace" is shown as late. */
  counts: { up: number; degraded: number; grace: number; down: number; paused: number; new: number; started: number };
  /** The worst status among the checks: down, then grace, then up ("new" when there are none; degraded counts as up). */
  overall: "down" | "grace" | "up" | "new";
}

/**
 * The user's projects with how many checks each has and in which state, for /projects. A check
 * whose schedule cannot be evaluated counts with its stored status (getDisplayStatus).
 */
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
      { ...p, checkCount: 0, counts: { up: 0, degraded: 0, grace: 0, down: 0, paused: 0, new: 0, started: 0 }, overall: "new" },
    ]),
  );
  for (const check of checks) {
    const summary = byCode.get(check.project.code)!;
    summary.checkCount++;
    // The summary knows up and down only: a degraded check is up with a warning.
    summary.counts[toTwoStateStatus(getDisplayStatus(check, now, true))]++;
  }
  for (const s of byCode.values()) {
    if (s.counts.down > 0) s.overall = "down";
    else if (s.counts.grace > 0) s.overall = "grace";
    else if (s.checkCount > 0) s.overall = "up";
  }
  return [...byCode.values()];
}

/**
 * The project and the actor's role in it, for a page: null when the project is unknown or the
 * actor may not `action` there (a page answers 404 either way, so existence is not revealed).
 */
export async function findProjectAccess(opts: {
  actor: Actor;
  projectCode: string;
  action?: ProjectAction;
}): Promise<{ project: Project; role: ProjectRole } | null> {
  try {
    return await requireProjectAccess(opts.actor, opts.projectCode, opts.action ?? "read");
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** The code of the project a check belongs to, if the actor may read it (the shell's highlight). */
export async function findProjectCodeOfCheck(opts: { actor: Actor; checkCode: string }): Promise<string | null> {
  try {
    return (await requireCheckAccess(opts.actor, opts.checkCode, "read")).project.code;
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/**
 * The project a CLI command acts on: the given project (which the user must own or belong to),
 * else the user's first owned project. Throws AppError(not_found) naming what is missing.
 */
export async function findProjectForCli(email: string, projectCode?: string): Promise<Project> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) throw new AppError("not_found", `no user with email ${email}`);
  const project = await db.project.findFirst({
    where: {
      ...(projectCode ? { code: projectCode } : {}),
      OR: [{ ownerId: user.id }, { members: { some: { userId: user.id } } }],
    },
    orderBy: [{ id: "asc" }],
  });
  if (!project) {
    throw new AppError("not_found", projectCode ? `${email} has no project ${projectCode}` : `${email} has no project`);
  }
  return project;
}
