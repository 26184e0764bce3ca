import { getDb } from "../db";
import { getUniqueKey } from "./get-unique-key";

/**
 * The UUID of the check with this unique_key among the projects the user owns or belongs to
 * (any role), for /cloaked/<unique_key>/ links in notifications; null when there is none.
 * unique_key is derived, not stored, so this hashes the codes of the user's checks.
 */
export async function findUserCheckByUniqueKey(userId: number, uniqueKey: string): Promise<string | null> {
  if (!/^[0-9a-f]{40}$/.test(uniqueKey)) return null;
  const checks = await getDb().check.findMany({
    where: { project: { OR: [{ ownerId: userId }, { members: { some: { userId } } }] } },
    select: { code: true },
  });
  return checks.find((c) => getUniqueKey(c.code) === uniqueKey)?.code ?? null;
}
