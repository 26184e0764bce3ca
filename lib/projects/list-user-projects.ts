import { roleFromMemberCode, type ProjectRole } from "../auth/permissions";
import { getDb } from "../db";

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
