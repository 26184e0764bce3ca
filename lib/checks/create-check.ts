import { randomUUID } from "node:crypto";
import { assignChannels, findChannelsBySpec } from "../channels/assignments";
import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { applyCheckSpec } from "./apply-check-spec";
import type { CheckSpec } from "./check-spec";
import { DEFAULT_CHECK_SETTINGS } from "./default-check-settings";
import type { ApiVersion } from "./to-dict";

/**
 * Creates a check in the project from a validated spec (defaults for absent keys, no channels
 * unless `channels` is given). Throws AppError("forbidden", "") when the project owner's
 * check limit (summed over their projects) is reached, and AppError("bad_request") for a bad
 * `channels` value, in which case nothing is created.
 */
export async function createCheck(
  projectId: number,
  spec: CheckSpec,
  opts: { version: ApiVersion } = { version: 3 },
): Promise<Check> {
  return getDb().$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, include: { owner: true } });
    const used = await tx.check.count({ where: { project: { ownerId: project.ownerId } } });
    if (used >= project.owner.checkLimit) throw new AppError("forbidden", "");

    const channelIds = spec.channels === undefined ? null : await findChannelsBySpec(tx, projectId, spec.channels);
    const changes = applyCheckSpec(
      { ...DEFAULT_CHECK_SETTINGS, status: "new", lastPing: null, lastStart: null },
      spec,
      opts.version,
    );
    const check = await tx.check.create({
      data: {
        ...DEFAULT_CHECK_SETTINGS,
        ...changes,
        code: randomUUID(),
        badgeKey: randomUUID(),
        projectId,
      },
    });
    if (channelIds) await assignChannels(tx, check.id, channelIds);
    return check;
  });
}
