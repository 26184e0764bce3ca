import { randomUUID } from "node:crypto";
import { getDb, type Channel } from "../db";
import { getEnv } from "../env";
import { findChecksBySpec } from "./find-checks-by-spec";
import { assertGroupMembers } from "./assert-group-members";
import { parseChannelConfig } from "./parse-channel-config";
import { readGroupChannelCodes } from "./other-configs";

/**
 * Creates a channel in the project after validating its kind and config, and attaches it to
 * the checks named by `checks` (none by default; "*" for all). Throws AppError("bad_request")
 * for an unknown/disabled kind, a bad config (a group's members must be non-group channels
 * of the project) or a bad check list; then nothing is created.
 */
export async function createChannel(
  projectId: number,
  input: { kind: string; name?: string; config: unknown; checks?: string },
): Promise<Channel> {
  const { channelKind, config } = parseChannelConfig(input.kind, input.config);
  return getDb().$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, include: { owner: true } });
    const checkIds = await findChecksBySpec(tx, projectId, input.checks ?? "");
    if (input.kind === "group") await assertGroupMembers(tx, projectId, readGroupChannelCodes(JSON.stringify(config)));
    const emailVerified = channelKind.isVerified?.(config, { env: getEnv(), ownerEmail: project.owner.email }) ?? true;
    const channel = await tx.channel.create({
      data: {
        code: randomUUID(),
        projectId,
        kind: input.kind,
        name: input.name ?? "",
        config: JSON.stringify(config),
        emailVerified,
      },
    });
    if (checkIds.length) {
      await tx.channelCheck.createMany({ data: checkIds.map((checkId) => ({ channelId: channel.id, checkId })) });
    }
    return channel;
  });
}
