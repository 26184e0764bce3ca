import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { lockCheck } from "./find-check";

export interface DeleteCheckOptions {
  actor: Actor;
  checkCode: string;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

/**
 * Deletes a check with its pings, flips, notifications and channel links (FK cascades). Returns
 * the row as it was and the UUIDs of the channels it notified, which the API answers with.
 * Holding the row lock makes a concurrent ping either finish first or find no check. Throws
 * AppError on access (see requireCheckAccess), "not_found" included when it is already gone.
 */
export async function deleteCheck({ actor, checkCode, tx }: DeleteCheckOptions): Promise<{ check: Check; channelCodes: string[] }> {
  return inTransaction(tx, async (tx) => {
    // Lock before reading: see lockCheck.
    await lockCheck(tx, checkCode);
    const { check } = await requireCheckAccess(actor, checkCode, "write", tx);
    const links = await tx.channelCheck.findMany({ where: { checkId: check.id }, select: { channel: { select: { code: true } } } });
    const deleted = await tx.check.delete({ where: { id: check.id } });
    return { check: deleted, channelCodes: links.map((l) => l.channel.code) };
  });
}
