import { z } from "zod";
import type { Actor } from "../auth/actor";
import { createSetupLink } from "../auth/login-links";
import { requireProjectAccess } from "../auth/permissions";
import { getDb, inTransaction, type Project, type Tx, type User } from "../db";
import { getEnv } from "../env";
import { AppError, isUniqueViolation } from "../errors";
import { MailError, sendMail } from "../mail";
import { allowInvite } from "../rate-limit/rate-limits";
import { describeRole, memberRoleSchema, toMemberCode, type MemberRole } from "./team";

export const inviteMemberSchema = z.object({
  email: z.string({ error: "Enter an email address." }).trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254)),
  role: memberRoleSchema,
});

export interface InviteMemberOptions {
  actor: Actor;
  projectCode: string;
  /** Raw form values; inviteMemberSchema decides what is acceptable. */
  email: unknown;
  role: unknown;
  tx?: Tx;
}

export interface InviteResult {
  user: User;
  /** True when the address had no account and one was created for it. */
  createdUser: boolean;
  /** True when the invite email was sent. */
  emailed: boolean;
  /**
   * For an account the invite created, when the email did not go out (no SMTP, or sending
   * failed): its single-use "set up your account" link, for the inviter to pass on. Always
   * null for an account that existed: a link for it would sign the inviter in as that person.
   */
  setupLink: string | null;
  /** Why sending failed, when SMTP is configured but the send did not go through. */
  mailError: string | null;
}

/**
 * Adds a person to the project's team with the given role (managers and the owner). An
 * address with an account is just added: they sign in as usual and, when email works, get a
 * notice. An unknown address gets an account without a project of its own and a set-up link
 * that works until that account first signs in. Throws ZodError for bad input,
 * AppError("conflict") when the address is already on the team, AppError("rate_limited") past
 * 20 invites a day (not counting people already in another of the owner's teams).
 */
export async function inviteMember({ actor, projectCode, email: rawEmail, role: rawRole, tx }: InviteMemberOptions): Promise<InviteResult> {
  const { project } = await requireProjectAccess(actor, projectCode, "manage", tx);
  const { email, role } = inviteMemberSchema.parse({ email: rawEmail, role: rawRole });
  const db = tx ?? getDb();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing && (await isOnTeam(db, project, existing.id))) {
    throw new AppError("conflict", `${email} is already a member of this project.`, { field: "email" });
  }
  // Healthchecks only limits invites of people not already in one of the owner's teams:
  // re-adding a known colleague is not how spam would work.
  const isKnownTeammate =
    existing !== null && (await db.member.count({ where: { userId: existing.id, project: { ownerId: project.ownerId } } })) > 0;
  if (!isKnownTeammate && actor.type === "user" && !(await allowInvite(actor.userId))) {
    throw new AppError("rate_limited", "Too many invites today. Please try again tomorrow.");
  }

  const next = `/projects/${project.code}/checks`;
  const added = await inTransaction(tx, async (tx) => {
    // Access again inside the transaction: the inviter's role may have changed meanwhile.
    await requireProjectAccess(actor, projectCode, "manage", tx);
    const found = await tx.user.findUnique({ where: { email } });
    const user = found ?? (await tx.user.create({ data: { email } }));
    await tx.member.create({ data: { userId: user.id, projectId: project.id, role: toMemberCode(role) } });
    return { user, setupLink: found ? null : await createSetupLink(user.id, next, tx) };
  }).catch((err: unknown) => {
    // Someone joined the team, or signed up with this address, a moment ago.
    if (isUniqueViolation(err)) throw new AppError("conflict", `${email} was added or signed up meanwhile. Please try again.`, { field: "email" });
    throw err;
  });

  const result = { user: added.user, createdUser: added.setupLink !== null, emailed: false, setupLink: added.setupLink, mailError: null };
  const env = getEnv();
  if (!env.email.host) return result;
  try {
    await sendInviteMail(actor, project, email, role, added.setupLink);
    return { ...result, emailed: true, setupLink: null };
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    return { ...result, mailError: err.message };
  }
}

async function isOnTeam(db: Tx, project: Project, userId: number): Promise<boolean> {
  if (userId === project.ownerId) return true;
  return (await db.member.count({ where: { userId, projectId: project.id } })) > 0;
}

/** The invite: with the set-up link for a new account, a pointer to the sign-in page otherwise. */
async function sendInviteMail(actor: Actor, project: Project, email: string, role: MemberRole, setupLink: string | null): Promise<void> {
  const env = getEnv();
  const inviter = actor.type === "user" ? await getDb().user.findUnique({ where: { id: actor.userId }, select: { email: true } }) : null;
  const projectName = project.name || project.code;
  const who = inviter ? inviter.email : env.siteName;
  const how = setupLink
    ? `Set up your account with this link (valid for one hour, single use):\n${setupLink}\n\n` +
      `When it has expired, sign in at ${env.siteRoot}/accounts/login with this email address.\n`
    : `Sign in as usual to see it: ${env.siteRoot}/accounts/login\n`;
  await sendMail({
    to: email,
    subject: `You have been invited to join ${projectName} on ${env.siteName}`,
    text: `${who} invited you to the project "${projectName}" on ${env.siteName} as ${describeRole(role)}.\n\n${how}`,
  });
}
