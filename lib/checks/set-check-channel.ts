import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./find-check";

export interface SetCheckChannelOptions {
  actor: Actor;
  checkCode: string;
  /** One of the check's project's channels. */
  channelCode: string;
  /** Whether the channel notifies for the check. */
  enabled: boolean;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

/**
 * Turns notifications from one of the project's channels on or off for a check (the toggle
 * switches on the details page). Idempotent. Throws AppError on access (see requireCheckAccess)
 * and AppError("not_found", "integration not found") when the channel is not in the check's
 * project.
 */
export async function setCheckChannel({ actor, checkCode, channelCode, enabled, tx }: SetCheckChannelOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    // Lock before reading: see lockCheck.
    await lockCheck(tx, checkCode);
    const { check } = await requireCheckAccess(actor, checkCode, "write", tx);
    const channel = await tx.channel.findFirst({ where: { code: channelCode, projectId: check.projectId }, select: { id: true } });
    if (!channel) throw new AppError("not_found", "integration not found");
    if (enabled) {
      // ON CONFLICT rather than an upsert: a link made meanwhile without the check's lock (the
      // integration's own check list) must not fail the transaction, which PostgreSQL aborts
      // on a unique violation.
      await tx.$executeRaw`INSERT INTO channel_checks (channel_id, check_id) VALUES (${channel.id}, ${check.id}) ON CONFLICT DO NOTHING`;
    } else {
      await tx.channelCheck.deleteMany({ where: { channelId: channel.id, checkId: check.id } });
    }
  });
}
