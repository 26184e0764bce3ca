import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { sendMail } from "../mail";

/**
 * The owner offers the project's ownership to one of its members (any role). The member sees
 * an accept button on the project's settings page and, when SMTP is configured, gets an email
 * pointing there. A new offer replaces any earlier one. Returns whether the email went out;
 * a failed email does not undo the offer, which the member still sees in the UI.
 */
export async function requestTransfer(ownerId: number, projectCode: string, memberUserId: number): Promise<{ emailed: boolean }> {
  const { project } = await requireProjectAccess(userActor(ownerId), projectCode, "own");
  const db = getDb();
  const member = await db.member.findUnique({
    where: { userId_projectId: { userId: memberUserId, projectId: project.id } },
    include: { user: { select: { email: true } } },
  });
  if (!member) throw new AppError("not_found", "no such team member");
  await db.$transaction([
    db.member.updateMany({ where: { projectId: project.id }, data: { transferRequestDate: null } }),
    db.member.update({ where: { id: member.id }, data: { transferRequestDate: new Date() } }),
  ]);

  const env = getEnv();
  if (!env.email.host) return { emailed: false };
  const owner = await db.user.findUniqueOrThrow({ where: { id: ownerId }, select: { email: true } });
  const projectName = project.name || project.code;
  try {
    await sendMail({
      to: member.user.email,
      subject: `Ownership transfer request for ${projectName}`,
      text:
        `${owner.email} would like to transfer the ownership of the project "${projectName}" on ${env.siteName} to you.\n\n` +
        `To accept or decline, open the project's settings:\n${env.siteRoot}/projects/${project.code}/settings\n`,
    });
    return { emailed: true };
  } catch {
    return { emailed: false };
  }
}
