import { getDb, type Channel } from "../db";
import { AppError } from "../errors";
import { getEnv } from "../env";
import { findChecksBySpec } from "./find-checks-by-spec";
import { parseChannelConfig } from "./parse-channel-config";

/**
 * Updates a channel's name, config (replaced whole, validated against the channel's kind)
 * and/or attached checks (replaced by `checks`). The kind cannot change. A changed email
 * address needs confirming again. Throws AppError("bad_request") for invalid input and
 * AppError("not_found", "") if the channel is gone.
 */
export async function updateChannel(
  channelId: number,
  input: { kind?: string; name?: string; config?: unknown; checks?: string },
): Promise<Channel> {
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
    if (input.config !== undefined) {
      const { channelKind, config } = parseChannelConfig(channel.kind, input.config);
      data.config = JSON.stringify(config);
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
