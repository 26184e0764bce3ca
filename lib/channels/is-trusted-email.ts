import { getDb } from "../db";
import { getEnv } from "../env";

/**
 * Whether a new email channel to `address` may notify without a confirmation link: when
 * EMAIL_USE_VERIFICATION=False, or when the address belongs to the project's owner or one of
 * its members (they already proved they read that mailbox by signing in with it).
 */
export async function isTrustedEmail(projectId: number, address: string): Promise<boolean> {
  if (!getEnv().emailUseVerification) return true;
  const lower = address.toLowerCase();
  const project = await getDb().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { owner: { select: { email: true } }, members: { select: { user: { select: { email: true } } } } },
  });
  const emails = [project.owner.email, ...project.members.map((m) => m.user.email)];
  return emails.some((e) => e.toLowerCase() === lower);
}
