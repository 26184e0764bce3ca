import { getDb } from "../db";
import { AppError } from "../errors";
import { joinMatrixRoom } from "./join-matrix-room";
import { readMatrixRoom } from "./other-configs";
import { parseChannelConfig } from "./parse-channel-config";

/**
 * Before a channel's config is replaced: when it is a Matrix channel and the room changes, the
 * bot joins the new room first, as on setup, so the next alert does not fail with 403. Returns
 * the config to save ({"value": the room id the homeserver resolved}); any other channel's
 * config, or an unchanged room, comes back as given without a request. Throws
 * AppError("bad_request") with joinMatrixRoom's message when the bot cannot join, so nothing
 * is saved and the old room stays.
 */
export async function joinEditedMatrixRoom(channelId: number, config: unknown): Promise<unknown> {
  const channel = await getDb().channel.findUnique({ where: { id: channelId }, select: { kind: true, config: true } });
  if (channel?.kind !== "matrix") return config;
  const room = String(parseChannelConfig("matrix", config).config.value);
  if (room === readMatrixRoom(channel.config)) return config;
  const joined = await joinMatrixRoom(room);
  if ("error" in joined) throw new AppError("bad_request", joined.error);
  return { value: joined.roomId };
}
