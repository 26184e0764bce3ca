import { getDb, type User } from "../db";
import { AppError } from "../errors";
import { parseEmail } from "../users/parse-email";
import { provisionUser } from "../users/provision-user";

/**
 * The user named by the trusted proxy header (REMOTE_USER_HEADER), created on first sight like
 * Healthchecks' CustomHeaderBackend does; null when the header is missing or not an address.
 */
export async function findRemoteUser(headerValue: string | null | undefined): Promise<User | null> {
  let email: string;
  try {
    email = parseEmail(headerValue);
  } catch {
    return null;
  }
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return existing;
  try {
    return (await provisionUser(email)).user;
  } catch (err) {
    // Two first requests raced; the other one created the account.
    if (err instanceof AppError && err.code === "conflict") return db.user.findUnique({ where: { email } });
    throw err;
  }
}
