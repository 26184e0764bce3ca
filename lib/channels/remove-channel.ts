import { userActor } from "../auth/actor";
import type { Channel } from "../db";
import { deleteChannel } from "./delete-channel";
import { requireChannelAccess } from "../auth/permissions";

/**
 * Deletes an integration for a user who may write to its project. Returns the deleted row.
 * Throws AppError "not_found" (gone, or no access) or "forbidden" (read-only role).
 */
export async function removeChannel(userId: number, channelCode: string): Promise<Channel> {
  const { channel } = await requireChannelAccess(userActor(userId), channelCode, "write");
  return deleteChannel(channel.id);
}
