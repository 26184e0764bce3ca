import type { Prisma } from "../db";

/** Replaces the set of channels that notify for a check. */
export async function assignChannels(tx: Prisma.TransactionClient, checkId: number, channelIds: number[]): Promise<void> {
  await tx.channelCheck.deleteMany({ where: { checkId } });
  if (channelIds.length > 0) {
    await tx.channelCheck.createMany({ data: channelIds.map((channelId) => ({ channelId, checkId })) });
  }
}
