import type { Prisma } from "../db";
import { AppError } from "../errors";

/**
 * Checks a group channel's member list (the stored "uuid,uuid" of groupConfig) against the
 * project: every member must be one of its channels and not a group, since Healthchecks'
 * GroupForm only offers the project's non-group channels and a group of groups could loop.
 * A group that lists itself is refused like any other group. Throws
 * AppError("bad_request") naming the first bad UUID; resolves when all are fine.
 */
export async function assertGroupMembers(
  tx: Prisma.TransactionClient,
  projectId: number,
  codes: string[],
): Promise<void> {
  const found = await tx.channel.findMany({ where: { projectId, code: { in: codes } }, select: { code: true, kind: true } });
  const kinds = new Map(found.map((c) => [c.code, c.kind]));
  for (const code of codes) {
    const kind = kinds.get(code);
    if (kind === undefined) throw new AppError("bad_request", `invalid group config: ${code} is not an integration of this project`);
    if (kind === "group") throw new AppError("bad_request", `invalid group config: ${code} is a group, and a group cannot contain groups`);
  }
}
