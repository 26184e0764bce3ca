import { getDb, type Channel } from "../db";
import { AppError, isRecordNotFound } from "../errors";

/**
 * Deletes a channel, detaching it from every check; its notification log goes with it (FK
 * cascades). Returns the deleted row. Throws AppError("not_found", "") if it is already gone.
 */
export async function deleteChannel(channelId: number): Promise<Channel> {
  try {
    return await getDb().channel.delete({ where: { id: channelId } });
  } catch (err) {
    if (isRecordNotFound(err)) throw new AppError("not_found", "");
    throw err;
  }
}
