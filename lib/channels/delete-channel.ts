import type { Actor } from "../auth/actor";
import { requireChannelAccess } from "../auth/permissions";
import { inTransaction, type Channel, type Tx } from "../db";
import { AppError, isRecordNotFound } from "../errors";

export interface DeleteChannelOptions {
  actor: Actor;
  channelCode: string;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

/**
 * Deletes an integration, detaching it from every check; its notification log goes with it (FK
 * cascades). Returns the deleted row. Throws AppError on access (see requireChannelAccess), and
 * AppError("not_found", "") if it is already gone.
 */
export async function deleteChannel({ actor, channelCode, tx }: DeleteChannelOptions): Promise<Channel> {
  return inTransaction(tx, async (tx) => {
    const { channel } = await requireChannelAccess(actor, channelCode, "write", tx);
    try {
      return await tx.channel.delete({ where: { id: channel.id } });
    } catch (err) {
      if (isRecordNotFound(err)) throw new AppError("not_found", "");
      throw err;
    }
  });
}
