import { getDb, type User } from "../db";

/**
 * Claims one account whose "still down" reminder is due (next_nag_date <= now, reminders on)
 * by moving next_nag_date one nag period past now (Healthchecks' handle_one_nag). Returns the
 * account as it was read, or null when none is due. Like claimDueReport, the conditional UPDATE
 * lets exactly one of several sendreports processes win; a stopped process sends one reminder
 * on restart, not one per missed period.
 */
export async function claimDueNag(now: Date = new Date()): Promise<User | null> {
  const db = getDb();
  for (;;) {
    const user = await db.user.findFirst({
      where: { nagPeriod: { gt: 0 }, nextNagDate: { lte: now } },
      orderBy: { nextNagDate: "asc" },
    });
    if (!user) return null;
    const { count } = await db.user.updateMany({
      where: { id: user.id, nagPeriod: user.nagPeriod, nextNagDate: user.nextNagDate },
      data: { nextNagDate: new Date(now.getTime() + user.nagPeriod * 1000) },
    });
    if (count === 1) return user;
  }
}
