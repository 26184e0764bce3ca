import { getDb, type User } from "../db";

/**
 * Ends every session of the user (each JWT carries the version it was issued with); the caller
 * re-issues the current session if it should survive (reissueSession). Returns the updated user.
 */
export async function bumpSessionVersion(userId: number): Promise<User> {
  return getDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
