import type { Actor } from "../auth/actor";
import { requireAccount } from "../auth/permissions";
import { inTransaction, type Tx, type User } from "../db";

export interface BumpSessionVersionOptions {
  actor: Actor;
  tx?: Tx;
}

/**
 * "Sign out other sessions": ends every session of the actor's account (each JWT carries the
 * version it was issued with). The caller re-issues the current session if it should survive
 * (reissueSession). Returns the updated user.
 */
export async function bumpSessionVersion({ actor, tx }: BumpSessionVersionOptions): Promise<User> {
  return inTransaction(tx, async (tx) => {
    const user = await requireAccount(actor, tx);
    return tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
  });
}
