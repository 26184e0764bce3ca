import { getDb, type Channel, type Project } from "../db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The email channel with this UUID and its project, or null (unknown code or another kind). */
export async function findEmailChannel(channelCode: string): Promise<(Channel & { project: Project }) | null> {
  if (!UUID.test(channelCode)) return null;
  const channel = await getDb().channel.findUnique({ where: { code: channelCode }, include: { project: true } });
  return channel?.kind === "email" ? channel : null;
}
