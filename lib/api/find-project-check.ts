import { getDb, type Check, type Project } from "../db";
import { AppError } from "../errors";

/**
 * The check with this UUID, if it belongs to the project. Throws AppError("not_found", "") for
 * an unknown UUID and AppError("forbidden", "") for another project's check, like Healthchecks.
 */
export async function findProjectCheck(project: Project, code: string): Promise<Check> {
  const check = await getDb().check.findUnique({ where: { code } });
  if (!check) throw new AppError("not_found", "");
  if (check.projectId !== project.id) throw new AppError("forbidden", "");
  return check;
}
