import { getDb, type User } from "../db";

/**
 * The user a session token's claims name, or null when the user is gone or the token predates
 * the user's last password change / "sign out other sessions" (its session version is stale).
 */
export async function findSessionUser(claims: { uid?: unknown; sv?: unknown }): Promise<User | null> {
  if (typeof claims.uid !== "number" || typeof claims.sv !== "number") return null;
  const user = await getDb().user.findUnique({ where: { id: claims.uid } });
  return user && user.sessionVersion === claims.sv ? user : null;
}
