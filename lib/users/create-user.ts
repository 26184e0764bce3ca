import { SYSTEM } from "../auth/actor";
import { getDb, type Project, type User } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { createProject } from "../projects/create-project";
import { hashPassword } from "../auth/credentials";

/**
 * Creates a user (email lowercased, like Healthchecks' LowercaseEmailField; password optional,
 * for magic-link-only accounts) and their default project, named after the email. Accounts are
 * made by Vigil itself (sign-up, the trusted proxy, `vigil createuser`), never on someone's
 * behalf, so there is no actor to check. Throws AppError("conflict") if the email is taken.
 */
export async function createUser(input: { email: string; password?: string }): Promise<{ user: User; project: Project }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, passwordHash } });
      // Project names stop at 200 characters; addresses may run to 254.
      const project = await createProject({ actor: SYSTEM, ownerId: user.id, name: email.slice(0, 200), tx });
      return { user, project };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `a user with email ${email} already exists`);
    throw err;
  }
}
