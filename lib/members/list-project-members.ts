import { userActor } from "../auth/actor";
import { requireProjectAccess, roleFromMemberCode } from "../auth/permissions";
import { getDb } from "../db";
import type { MemberRole } from "./member-role";

export interface TeamPerson {
  userId: number;
  email: string;
  name: string;
}

export interface TeamMember extends TeamPerson {
  role: MemberRole;
  /** Set while the owner offers this member the project's ownership. */
  transferRequestedAt: Date | null;
}

/** The project's owner and members (any role may look), members sorted by email. */
export async function listProjectMembers(
  userId: number,
  projectCode: string,
): Promise<{ owner: TeamPerson; members: TeamMember[] }> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "read");
  const db = getDb();
  const [owner, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: project.ownerId }, select: { id: true, email: true, name: true } }),
    db.member.findMany({
      where: { projectId: project.id },
      include: { user: { select: { email: true, name: true } } },
      orderBy: { user: { email: "asc" } },
    }),
  ]);
  return {
    owner: { userId: owner.id, email: owner.email, name: owner.name },
    members: rows.map((m) => ({
      userId: m.userId,
      email: m.user.email,
      name: m.user.name,
      // Member rows never hold "owner"; roleFromMemberCode maps the three codes.
      role: roleFromMemberCode(m.role) as MemberRole,
      transferRequestedAt: m.transferRequestDate,
    })),
  };
}
