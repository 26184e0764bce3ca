import { getDb, type Channel } from "../db";
import { AppError } from "../errors";
import { getEnv } from "../env";
import { findChecksBySpec } from "./find-checks-by-spec";
import { joinEditedMatrixRoom } from "./join-edited-matrix-room";
import { assertGroupMembers } from "./assert-group-members";
import { parseChannelConfig } from "./parse-channel-config";
import { readGroupChannelCodes } from "./other-configs";

/**
 * Updates a channel's name, config (replaced whole, validated against the channel's kind)
 * and/or attached checks (replaced by `checks`). The kind cannot change. A changed email
 * address needs confirming again; a new Matrix room is joined first (joinEditedMatrixRoom).
 * Throws AppError("bad_request") for invalid input or a room the bot cannot join, and
 * AppError("not_found", "") if the channel is gone.
 */
export async function updateChannel(
  channelId: number,
  input: { kind?: string; name?: string; config?: unknown; checks?: string },
): Promise<Channel> {
  // Joining a new Matrix room is an HTTP call, so it happens before the transaction.
  const newConfig = input.config === undefined ? undefined : await joinEditedMatrixRoom(channelId, input.config);
  return getDb().$transaction(async (tx) => {
    const channel = await tx.channel.findUnique({
      where: { id: channelId },
      include: { project: { include: { owner: true } } },
    });
    if (!channel) throw new AppError("not_found", "");
    if (input.kind !== undefined && input.kind !== channel.kind) {
      throw new AppError("bad_request", "the kind of a channel cannot be changed");
    }
    const data: { name?: string; config?: string; emailVerified?: boolean } = {};
    if (input.name !== undefined) data.name = input.name;
    if (newConfig !== undefined) {
      const { channelKind, config } = parseChannelConfig(channel.kind, newConfig);
      data.config = JSON.stringify(config);
      if (channel.kind === "group") await assertGroupMembers(tx, channel.projectId, readGroupChannelCodes(data.config));
      if (data.config !== channel.config) {
        const ownerEmail = channel.project.owner.email;
        data.emailVerified = channelKind.isVerified?.(config, { env: getEnv(), ownerEmail }) ?? true;
      }
    }
    if (input.checks !== undefined) {
      const checkIds = await findChecksBySpec(tx, channel.projectId, input.checks);
      await tx.channelCheck.deleteMany({ where: { channelId } });
      if (checkIds.length) await tx.channelCheck.createMany({ data: checkIds.map((checkId) => ({ channelId, checkId })) });
    }
    return tx.channel.update({ where: { id: channelId }, data });
  });
}
