import { z } from "zod";

/** The roles a member row can hold; the owner is the project's owner, not a member row. */
export const memberRoleSchema = z.enum(["manager", "member", "readonly"]);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Healthchecks' Member.role codes. */
const CODES: Record<MemberRole, string> = { manager: "m", member: "w", readonly: "r" };

export function toMemberCode(role: MemberRole): string {
  return CODES[role];
}
