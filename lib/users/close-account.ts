import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * Deletes the account: its own projects (with their checks, pings and channels), its team
 * memberships and its pending tokens. `confirmation` must be the account's email address, as
 * typed by the user. Throws AppError("bad_request") when it is not.
 */
export async function closeAccount(userId: number, confirmation: string): Promise<void> {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (confirmation.trim().toLowerCase() !== user.email) {
    throw new AppError("bad_request", "Please type your email address exactly to confirm.");
  }
  await db.$transaction(async (tx) => {
    await tx.verificationToken.deleteMany({
      where: { OR: [{ identifier: user.email }, { identifier: { startsWith: `~2fa:${userId}:` } }, { identifier: { startsWith: `~email:${userId}:` } }] },
    });
    // Cascades would do this too; explicit deletes keep it correct if a relation changes.
    await tx.project.deleteMany({ where: { ownerId: userId } });
    await tx.member.deleteMany({ where: { userId } });
    await tx.user.delete({ where: { id: userId } });
  });
}
