import type { Prisma } from "../db";
import { AppError } from "../errors";

/**
 * Resolves a channel's `checks` value: "*" = every check of the project, "" = none, else a
 * comma-separated list of the project's check UUIDs. Returns check ids; throws
 * AppError("bad_request") for an empty or unknown item.
 */
export async function findChecksBySpec(tx: Prisma.TransactionClient, projectId: number, spec: string): Promise<number[]> {
  if (spec === "") return [];
  const available = await tx.check.findMany({ where: { projectId }, select: { id: true, code: true } });
  if (spec === "*") return available.map((c) => c.id);
  const byCode = new Map(available.map((c) => [c.code, c.id]));
  const ids = new Set<number>();
  for (const item of spec.split(",")) {
    if (item === "") throw new AppError("bad_request", "empty check identifier");
    const id = byCode.get(item);
    if (id === undefined) throw new AppError("bad_request", `invalid check identifier: ${item}`);
    ids.add(id);
  }
  return [...ids];
}
