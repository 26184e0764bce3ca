// Checks as the management API answers with them: Check.to_dict() plus the UUIDs of the
// channels that notify for each, which only read-write keys see.
import { checkToDict } from "../checks/to-dict";
import { getDb, type Check } from "../db";
import type { ApiVersion } from "./types";

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

/** checkToDict for one check, loading its channel UUIDs when the read-write shape needs them. */
export async function renderCheck(check: Check, version: ApiVersion, readOnly = false): Promise<Record<string, unknown>> {
  const channelCodes = readOnly ? [] : ((await getChannelCodes({ checkId: check.id })).get(check.id) ?? []);
  return checkToDict(check, { version, readOnly, channelCodes });
}
