import { getDb } from "../db";

/** Channel UUIDs per check id, for one check or every check of a project (one query). */
export async function getChannelCodes(scope: { projectId: number } | { checkId: number }): Promise<Map<number, string[]>> {
  const links = await getDb().channelCheck.findMany({
    where: "checkId" in scope ? { checkId: scope.checkId } : { check: { projectId: scope.projectId } },
    select: { checkId: true, channel: { select: { code: true } } },
  });
  const byCheck = new Map<number, string[]>();
  for (const { checkId, channel } of links) {
    const codes = byCheck.get(checkId) ?? [];
    codes.push(channel.code);
    byCheck.set(checkId, codes);
  }
  return byCheck;
}
