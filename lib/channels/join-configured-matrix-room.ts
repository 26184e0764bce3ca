import { AppError } from "../errors";
import { joinMatrixRoom } from "./join-matrix-room";
import { parseChannelConfig } from "./parse-channel-config";

/**
 * Makes the bot join the room of a Matrix channel config (a room id or alias), as setting the
 * channel up does, so its first alert does not fail with 403. Returns the config to store:
 * {"value": the room id the homeserver resolved}. Throws AppError("bad_request") for a bad
 * config, Matrix being off, or a room the bot cannot join; then nothing should be saved.
 */
export async function joinConfiguredMatrixRoom(config: unknown): Promise<{ value: string }> {
  const room = String(parseChannelConfig("matrix", config).config.value);
  const joined = await joinMatrixRoom(room);
  if ("error" in joined) throw new AppError("bad_request", joined.error);
  return { value: joined.roomId };
}
