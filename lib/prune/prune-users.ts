import { getDb } from "../db";
import { UNUSED_ACCOUNT_AGE_MS } from "./retention";

export interface PruneUsersResult {
  /** Emails of the removed accounts, for the log. */
  emails: string[];
  /** Checks that went with the accounts' own projects. */
  checks: number;
}

/**
 * Removes accounts that were never used (Healthchecks' pruneusers): created more than 30 days
 * ago, never signed in, and not a member of anyone's project — someone typed an email on the
 * sign-up page and never followed the link. Stricter than Healthchecks, which looks no further,
 * an account also stays while any project it owns has a team member, an API key or a check
 * that ever received a ping: an account made with `vigil createuser` and used only through the
 * API never signs in, and its data must not go. Returns who was removed.
 */
export async function pruneUsers(now: Date = new Date()): Promise<PruneUsersResult> {
  const db = getDb();
  const where = {
    createdAt: { lt: new Date(now.getTime() - UNUSED_ACCOUNT_AGE_MS) },
    lastLoginAt: null,
    memberships: { none: {} },
    projects: {
      none: {
        OR: [
          { members: { some: {} } },
          { apiKey: { not: "" } },
          { apiKeyReadonly: { not: "" } },
          { checks: { some: { nPings: { gt: 0 } } } },
        ],
      },
    },
  };
  const users = await db.user.findMany({ where, select: { id: true, email: true }, orderBy: { id: "asc" } });
  const result: PruneUsersResult = { emails: [], checks: 0 };
  for (const user of users) {
    const checks = await db.check.count({ where: { project: { ownerId: user.id } } });
    // Projects, their checks, pings, flips, channels and members go by ON DELETE CASCADE. The
    // conditions are repeated so an account that signed in meanwhile stays.
    const { count } = await db.user.deleteMany({ where: { ...where, id: user.id } });
    if (count === 0) continue;
    result.emails.push(user.email);
    result.checks += checks;
  }
  return result;
}
