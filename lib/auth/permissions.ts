// Who may do what in a project (Healthchecks §7.2). Every page, server action and lib mutation
// asks here, so hiding a button is never the only guard.
import { getDb, type Check, type Project } from "../db";
import { AppError } from "../errors";

export type ProjectRole = "owner" | "manager" | "member" | "readonly";

/**
 * read: view checks, pings, integrations. write: create/edit/delete checks and integrations,
 * rename the project, see and regenerate API keys. manage: invite, re-role and remove members.
 * own: delete the project, transfer its ownership.
 */
export type ProjectAction = "read" | "write" | "manage" | "own";

const ALLOWED: Record<ProjectAction, readonly ProjectRole[]> = {
  read: ["owner", "manager", "member", "readonly"],
  write: ["owner", "manager", "member"],
  manage: ["owner", "manager"],
  own: ["owner"],
};

export function can(role: ProjectRole, action: ProjectAction): boolean {
  return ALLOWED[action].includes(role);
}

/** Healthchecks' Member.role codes: "m" manager, "w" team member, "r" read-only. */
export function roleFromMemberCode(code: string): ProjectRole {
  if (code === "m") return "manager";
  if (code === "r") return "readonly";
  // Unknown codes get the default Healthchecks gives new members rather than more rights.
  return code === "w" ? "member" : "readonly";
}

/** The user's role in the project, or null when the project is unknown or not theirs. */
export async function getProjectAccess(
  userId: number,
  projectCode: string,
): Promise<{ project: Project; role: ProjectRole } | null> {
  const project = await getDb().project.findUnique({
    where: { code: projectCode },
    include: { members: { where: { userId } } },
  });
  if (!project) return null;
  const { members, ...rest } = project;
  if (rest.ownerId === userId) return { project: rest, role: "owner" };
  const member = members[0];
  return member ? { project: rest, role: roleFromMemberCode(member.role) } : null;
}

function assertAllowed(role: ProjectRole, action: ProjectAction): void {
  if (!can(role, action)) throw new AppError("forbidden", "you do not have permission to do this in this project");
}

/**
 * The project and the user's role in it. Throws AppError("not_found") when the user has no
 * access at all (so existence is not revealed) and AppError("forbidden") when the role is too
 * low for the action.
 */
export async function requireProjectAccess(
  userId: number,
  projectCode: string,
  action: ProjectAction,
): Promise<{ project: Project; role: ProjectRole }> {
  const access = await getProjectAccess(userId, projectCode);
  if (!access) throw new AppError("not_found", "project not found");
  assertAllowed(access.role, action);
  return access;
}

/** Like requireProjectAccess, for the project a check belongs to. */
export async function requireCheckAccess(
  userId: number,
  checkCode: string,
  action: ProjectAction,
): Promise<{ check: Check; project: Project; role: ProjectRole }> {
  const found = await getDb().check.findUnique({
    where: { code: checkCode },
    include: { project: { include: { members: { where: { userId } } } } },
  });
  if (!found) throw new AppError("not_found", "check not found");
  const { project: projectWithMembers, ...check } = found;
  const { members, ...project } = projectWithMembers;
  let role: ProjectRole;
  if (project.ownerId === userId) role = "owner";
  else if (members[0]) role = roleFromMemberCode(members[0].role);
  else throw new AppError("not_found", "check not found");
  assertAllowed(role, action);
  return { check, project, role };
}
