import type { Actor } from "../auth/actor";
import { requireChannelAccess } from "../auth/permissions";
import { inTransaction, type Channel, type Tx } from "../db";
import { assignChecks, findChecksBySpec } from "../checks/check-channels";

export interface SetChannelChecksOptions {
  actor: Actor;
  channelCode: string;
  /** UUIDs of checks in the channel's project; repeats are ignored, [] detaches it from all. */
  checkCodes: readonly string[];
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

/**
 * Makes the integration notify for exactly `checkCodes`; returns the channel. Throws AppError on
 * access (see requireChannelAccess) or "bad_request" when a code is not one of the project's
 * checks; then nothing changes.
 */
export async function setChannelChecks({ actor, channelCode, checkCodes, tx }: SetChannelChecksOptions): Promise<Channel> {
  return inTransaction(tx, async (tx) => {
    const { channel } = await requireChannelAccess(actor, channelCode, "write", tx);
    // One empty item would read as "none" in the spec syntax; an empty list means none anyway.
    const spec = [...new Set(checkCodes)].join(",");
    await assignChecks(tx, channel.id, await findChecksBySpec(tx, channel.projectId, spec));
    return channel;
  });
}
