import type { Actor } from "../auth/actor";
import { requireAccount } from "../auth/permissions";
import { userTokensWhere } from "../auth/verification-tokens";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export interface CloseAccountOptions {
  actor: Actor;
  /** The account's email address, as typed by the user. */
  confirmation: unknown;
  tx?: Tx;
}

/**
 * Deletes the actor's account: its own projects (with their checks, pings and channels), its
 * team memberships and its pending tokens of every kind. Throws AppError("bad_request") when
 * `confirmation` is not the account's email address.
 */
export async function closeAccount({ actor, confirmation, tx }: CloseAccountOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const user = await requireAccount(actor, tx);
    if (typeof confirmation !== "string" || confirmation.trim().toLowerCase() !== user.email) {
      throw new AppError("bad_request", "Please type your email address exactly to confirm.", { field: "confirmation" });
    }
    await tx.verificationToken.deleteMany({ where: userTokensWhere(user) });
    // Cascades would do this too; explicit deletes keep it correct if a relation changes.
    await tx.project.deleteMany({ where: { ownerId: user.id } });
    await tx.member.deleteMany({ where: { userId: user.id } });
    await tx.user.delete({ where: { id: user.id } });
  });
}
