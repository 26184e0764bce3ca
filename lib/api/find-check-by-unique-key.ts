import { getUniqueKey } from "../checks/get-unique-key";
import { getDb, type Check, type Project } from "../db";
import { AppError } from "../errors";

/**
 * The project's check whose unique_key is given (read-only keys never see UUIDs). unique_key
 * is derived, not stored, so this hashes every code of the project, as Healthchecks does;
 * cheap for the hundreds of checks a project has. Throws AppError("not_found", "").
 */
export async function findCheckByUniqueKey(project: Project, uniqueKey: string): Promise<Check> {
  const codes = await getDb().check.findMany({ where: { projectId: project.id }, select: { id: true, code: true } });
  const match = codes.find((c) => getUniqueKey(c.code) === uniqueKey);
  if (!match) throw new AppError("not_found", "");
  return getDb().check.findUniqueOrThrow({ where: { id: match.id } });
}
