import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb, inTransaction, type Tx } from "../db";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { sendMail } from "../mail";

export interface RequestTransferOptions {
  actor: Actor;
  projectCode: string;
  memberUserId: number;
  tx?: Tx;
}

/**
 * The owner offers the project's ownership to one of its members (any role). The member sees
 * an accept button on the project's settings page and, when SMTP is configured, gets an email
 * pointing there. A new offer replaces any earlier one. Returns whether the email went out;
 * a failed email does not undo the offer, which the member still sees in the UI.
 */
export async function requestTransfer({ actor, projectCode, memberUserId, tx }: RequestTransferOptions): Promise<{ emailed: boolean }> {
  const { project, member } = await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "own", tx);
    const member = await tx.member.findUnique({
      where: { userId_projectId: { userId: memberUserId, projectId: project.id } },
      include: { user: { select: { email: true } } },
    });
    if (!member) throw new AppError("not_found", "no such team member");
    await tx.member.updateMany({ where: { projectId: project.id }, data: { transferRequestDate: null } });
    await tx.member.update({ where: { id: member.id }, data: { transferRequestDate: new Date() } });
    return { project, member };
  });

  const env = getEnv();
  if (!env.email.host) return { emailed: false };
  const owner = await getDb().user.findUniqueOrThrow({ where: { id: project.ownerId }, select: { email: true } });
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
