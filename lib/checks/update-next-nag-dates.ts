import { getDb, type Prisma, type Tx } from "../db";

/**
 * Starts or stops the account-wide "still down" reminders (Healthchecks'
 * Project.update_next_nag_dates / Profile.update_next_nag_date) after something changed which
 * checks are down: a processed flip, a pause, a schedule edit, a new reminder period. For the
 * owner and members of `projectId` (or the one account `userId`): when any check they can see
 * is down and no reminder is scheduled, the first is due one nag period from now; when none is
 * down, the scheduled one is cleared. A scheduled reminder is never pushed back.
 *
 * Cost is bounded by the project's team: one query finds the accounts with reminders on (or
 * still scheduled), usually none, then one lookup and at most one conditional update each.
 * Like Healthchecks, a check going down elsewhere between the lookup and the clearing can
 * leave a reminder unscheduled until the next status change.
 */
export async function updateNextNagDates(
  target: { projectId: number } | { userId: number },
  now: Date = new Date(),
  db: Tx = getDb(),
): Promise<void> {
  const scope: Prisma.UserWhereInput =
    "userId" in target
      ? { id: target.userId }
      : { OR: [{ projects: { some: { id: target.projectId } } }, { memberships: { some: { projectId: target.projectId } } }] };
  const users = await db.user.findMany({
    where: { AND: [scope, { OR: [{ nagPeriod: { gt: 0 } }, { nextNagDate: { not: null } }] }] },
    select: { id: true, nagPeriod: true, nextNagDate: true },
  });

  for (const user of users) {
    // Served by the checks (project_id, slug) index through the account's few projects.
    const down = await db.check.findFirst({
      where: { status: "down", project: { OR: [{ ownerId: user.id }, { members: { some: { userId: user.id } } }] } },
      select: { id: true },
    });
    if (down && user.nextNagDate === null && user.nagPeriod > 0) {
      await db.user.updateMany({
        where: { id: user.id, nagPeriod: user.nagPeriod, nextNagDate: null },
        data: { nextNagDate: new Date(now.getTime() + user.nagPeriod * 1000) },
      });
    } else if (!down && user.nextNagDate !== null) {
      await db.user.updateMany({ where: { id: user.id, nextNagDate: user.nextNagDate }, data: { nextNagDate: null } });
    }
  }
}
