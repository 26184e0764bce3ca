import { assignChannels, findChannelsBySpec } from "../channels/assignments";
import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { applyCheckSpec } from "./apply-check-spec";
import type { CheckSpec } from "./check-spec";
import { lockCheck } from "./lock-check";
import type { ApiVersion } from "./to-dict";

/**
 * Applies a validated spec to a check: only the keys present are written, alertAfter is
 * recomputed, and `channels` (if present) replaces the check's channels. Unlike the UI, this
 * never flips the status itself: an already overdue check is left for sendalerts to alert on.
 * Throws AppError("not_found", "") if the check was deleted meanwhile and
 * AppError("bad_request") for a bad `channels` value (then nothing is written).
 */
export async function updateCheck(
  checkId: number,
  spec: CheckSpec,
  opts: { version: ApiVersion } = { version: 3 },
): Promise<Check> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockCheck(tx, checkId))) throw new AppError("not_found", "");
    const check = await tx.check.findUniqueOrThrow({ where: { id: checkId } });
    const channelIds =
      spec.channels === undefined ? null : await findChannelsBySpec(tx, check.projectId, spec.channels);
    const changes = applyCheckSpec(check, spec, opts.version);
    const updated = Object.keys(changes).length
      ? await tx.check.update({ where: { id: checkId }, data: changes })
      : check;
    if (channelIds) await assignChannels(tx, checkId, channelIds);
    return updated;
  });
}
