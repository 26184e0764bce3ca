import type { Prisma } from "../db";

/**
 * Takes the check's row lock inside a transaction (Healthchecks' select_for_update) so a
 * concurrent ping cannot interleave with a read-modify-write of the check. A no-op UPDATE
 * does this on both databases: PostgreSQL locks the row, SQLite takes the write lock, which
 * `SELECT ... FOR UPDATE` could not do there. Returns false if the check no longer exists.
 */
export async function lockCheck(tx: Prisma.TransactionClient, checkId: number): Promise<boolean> {
  const count = await tx.$executeRaw`UPDATE checks SET id = id WHERE id = ${checkId}`;
  return count === 1;
}
