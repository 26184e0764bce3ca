import { getDb } from "../db";
import { joinConfiguredMatrixRoom } from "./join-configured-matrix-room";
import { readMatrixRoom } from "./other-configs";
import { parseChannelConfig } from "./parse-channel-config";

/**
 * Before a channel's config is replaced: when it is a Matrix channel and the room changes, the
 * bot joins the new room first (joinConfiguredMatrixRoom) and the resolved room id is what to
 * save; any other channel's config, or an unchanged room, comes back as given without a
 * request. Throws AppError("bad_request") when the bot cannot join, so the old room stays.
 */
export async function joinEditedMatrixRoom(channelId: number, config: unknown): Promise<unknown> {
  const channel = await getDb().channel.findUnique({ where: { id: channelId }, select: { kind: true, config: true } });
  if (channel?.kind !== "matrix") return config;
  const room = String(parseChannelConfig("matrix", config).config.value);
  if (room === readMatrixRoom(channel.config)) return config;
  return joinConfiguredMatrixRoom(config);
}
