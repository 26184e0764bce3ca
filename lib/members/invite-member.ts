import { userActor } from "../auth/actor";
import { z } from "zod";
import { createLoginLink } from "../auth/create-login-link";
import { requireProjectAccess } from "../auth/permissions";
import { getDb, type User } from "../db";
import { getEnv } from "../env";
import { AppError, isUniqueViolation } from "../errors";
import { sendMail } from "../mail";
import { consumeToken } from "../rate-limit/consume-token";
import { memberRoleSchema, toMemberCode, type MemberRole } from "./member-role";

// Healthchecks' TokenBucket.authorize_invite: 20 invites a day per inviter.
const INVITES_PER_DAY = 20;
const DAY_SECONDS = 86_400;

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254)),
  role: memberRoleSchema,
});
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export interface InviteResult {
  user: User;
  /** True when the address had no account and one was created for it. */
  createdUser: boolean;
  /** True when the invite email was sent. */
  emailed: boolean;
  /**
   * The sign-in link, when it was not emailed (no SMTP configured, or sending failed), for the
   * inviter to pass on; null when emailed.
   */
  loginLink: string | null;
  /** Why sending failed, when SMTP is configured but the send did not go through. */
  mailError: string | null;
}

/**
 * Adds a user to the project's team with the given role (managers and the owner), as §7.2
 * describes: an unknown address gets an account without a project of its own, then a
 * sign-in link to the project's checks. Throws ZodError for bad input, AppError("conflict")
 * when the address is already on the team, AppError("rate_limited") past 20 invites a day
 * (not counting people already in another of the owner's teams).
 */
export async function inviteMember(inviterId: number, projectCode: string, input: InviteMemberInput): Promise<InviteResult> {
  const { project } = await requireProjectAccess(userActor(inviterId), projectCode, "manage");
  const { email, role } = inviteMemberSchema.parse(input);
  const db = getDb();

  let user = await db.user.findUnique({ where: { email } });
  if (user && (user.id === project.ownerId || (await db.member.findUnique({ where: { userId_projectId: { userId: user.id, projectId: project.id } } })))) {
    throw new AppError("conflict", `${email} is already a member of this project.`);
  }
  // Healthchecks only limits invites of people not already in one of the owner's teams:
  // re-adding a known colleague is not how spam would work.
  const isKnownTeammate =
    user !== null && (await db.member.count({ where: { userId: user.id, project: { ownerId: project.ownerId } } })) > 0;
  if (!isKnownTeammate && !(await consumeToken(`invite:${inviterId}`, INVITES_PER_DAY, DAY_SECONDS))) {
    throw new AppError("rate_limited", "Too many invites today. Please try again tomorrow.");
  }

  let createdUser = false;
  if (!user) {
    try {
      user = await db.user.create({ data: { email } });
      createdUser = true;
    } catch (err) {
      // Someone signed up with this address a moment ago: invite that account.
      if (!isUniqueViolation(err)) throw err;
      user = await db.user.findUniqueOrThrow({ where: { email } });
    }
  }
  try {
    await db.member.create({ data: { userId: user.id, projectId: project.id, role: toMemberCode(role) } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `${email} is already a member of this project.`);
    throw err;
  }

  const link = await createLoginLink(email, `/projects/${project.code}/checks`);
  const env = getEnv();
  if (!env.email.host) return { user, createdUser, emailed: false, loginLink: link, mailError: null };
  const inviter = await db.user.findUniqueOrThrow({ where: { id: inviterId }, select: { email: true } });
  const projectName = project.name || project.code;
  try {
    await sendMail({
      to: email,
      subject: `You have been invited to join ${projectName} on ${env.siteName}`,
      text:
        `${inviter.email} invited you to the project "${projectName}" on ${env.siteName} as ${describeRole(role)}.\n\n` +
        `Sign in with this link (valid for one hour, single use):\n${link}\n\n` +
        `When it has expired, sign in at ${env.siteRoot}/accounts/login with this email address.\n`,
    });
    return { user, createdUser, emailed: true, loginLink: null, mailError: null };
  } catch (err) {
    return { user, createdUser, emailed: false, loginLink: link, mailError: err instanceof Error ? err.message : String(err) };
  }
}

function describeRole(role: MemberRole): string {
  return { manager: "a manager", member: "a team member", readonly: "a read-only member" }[role];
}
