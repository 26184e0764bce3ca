import { getDb } from "../db";
import { AppError, isUniqueViolation } from "../errors";

/**
 * Turns notifications from one of the project's channels on or off for a check (the toggle
 * switches on the details page). Idempotent. Throws AppError("not_found", "") when the channel
 * is not in the check's project.
 */
export async function setCheckChannel(check: { id: number; projectId: number }, channelCode: string, enabled: boolean): Promise<void> {
  const db = getDb();
  const channel = await db.channel.findFirst({ where: { code: channelCode, projectId: check.projectId }, select: { id: true } });
  if (!channel) throw new AppError("not_found", "");
  if (enabled) {
    try {
      await db.channelCheck.upsert({
        where: { channelId_checkId: { channelId: channel.id, checkId: check.id } },
        create: { channelId: channel.id, checkId: check.id },
        update: {},
      });
    } catch (err) {
      // Two concurrent "on"s (a double click) both tried to insert: the link exists, fine.
      if (!isUniqueViolation(err)) throw err;
    }
  } else {
    await db.channelCheck.deleteMany({ where: { channelId: channel.id, checkId: check.id } });
  }
}
