// A project's team: the roles a member can hold (Healthchecks' Member.role codes) and who is on
// the team. The owner is the project's owner, not a member row.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { requireProjectAccess, roleFromMemberCode } from "../auth/permissions";
import { getDb } from "../db";

/** The roles a member row can hold. */
export const memberRoleSchema = z.enum(["manager", "member", "readonly"], { error: "Choose a role: manager, team member or read-only." });
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Healthchecks' Member.role codes: "m" manager, "w" team member, "r" read-only. */
const CODES: Record<MemberRole, string> = { manager: "m", member: "w", readonly: "r" };

export function toMemberCode(role: MemberRole): string {
  return CODES[role];
}

/** How a role reads in a sentence: "as a read-only member". */
export function describeRole(role: MemberRole): string {
  return { manager: "a manager", member: "a team member", readonly: "a read-only member" }[role];
}

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
export async function listProjectMembers(opts: { actor: Actor; projectCode: string }): Promise<{ owner: TeamPerson; members: TeamMember[] }> {
  const { project } = await requireProjectAccess(opts.actor, opts.projectCode, "read");
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
