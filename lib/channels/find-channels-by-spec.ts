import type { Prisma } from "../db";
import { AppError } from "../errors";

/**
 * Resolves a check's `channels` value (Healthchecks' API): "*" = every channel of the project,
 * "" = none, else a comma-separated list where each item is a channel UUID or an exact,
 * unique channel name. Returns channel ids; throws AppError("bad_request") with Healthchecks'
 * messages for an empty, unknown or ambiguous item.
 */
export async function findChannelsBySpec(
  tx: Prisma.TransactionClient,
  projectId: number,
  spec: string,
): Promise<number[]> {
  if (spec === "") return [];
  const available = await tx.channel.findMany({
    where: { projectId },
    select: { id: true, code: true, name: true },
    orderBy: { id: "asc" },
  });
  if (spec === "*") return available.map((c) => c.id);

  const ids = new Set<number>();
  for (const item of spec.split(",")) {
    if (item === "") throw new AppError("bad_request", "empty channel identifier");
    const matches = available.filter((c) => c.code === item || c.name === item);
    if (matches.length === 0) throw new AppError("bad_request", `invalid channel identifier: ${item}`);
    if (matches.length > 1) throw new AppError("bad_request", `non-unique channel identifier: ${item}`);
    ids.add(matches[0].id);
  }
  return [...ids];
}
