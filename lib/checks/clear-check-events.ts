import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { lockCheck } from "./find-check";

export interface ClearCheckEventsOptions {
  actor: Actor;
  checkCode: string;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
}

/**
 * The details page's "Clear events": the check starts over as "new" with no last ping, run or
 * deadline, and its pings, flips and notifications are deleted; its settings and channels stay.
 * n_pings keeps counting, so ping numbers are never reused. Throws AppError on access (see
 * requireCheckAccess).
 */
export async function clearCheckEvents({ actor, checkCode, tx }: ClearCheckEventsOptions): Promise<Check> {
  return inTransaction(tx, async (tx) => {
    // Lock before reading: see lockCheck.
    await lockCheck(tx, checkCode);
    const { check } = await requireCheckAccess(actor, checkCode, "write", tx);
    await tx.ping.deleteMany({ where: { checkId: check.id } });
    await tx.notification.deleteMany({ where: { checkId: check.id } });
    await tx.flip.deleteMany({ where: { checkId: check.id } });
    return tx.check.update({
      where: { id: check.id },
      data: {
        status: "new",
        lastPing: null,
        lastStart: null,
        lastStartRid: null,
        lastDuration: null,
        alertAfter: null,
        nextReminderAt: null,
        consecutiveFailures: 0,
      },
    });
  });
}
