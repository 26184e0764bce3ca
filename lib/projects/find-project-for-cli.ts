import { getDb, type Project } from "../db";
import { AppError } from "../errors";

/**
 * The project a CLI command acts on: the given project (which the user must own or belong to),
 * else the user's first owned project. Throws AppError(not_found) naming what is missing.
 */
export async function findProjectForCli(email: string, projectCode?: string): Promise<Project> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) throw new AppError("not_found", `no user with email ${email}`);
  const project = await db.project.findFirst({
    where: {
      ...(projectCode ? { code: projectCode } : {}),
      OR: [{ ownerId: user.id }, { members: { some: { userId: user.id } } }],
    },
    orderBy: [{ id: "asc" }],
  });
  if (!project) {
    throw new AppError("not_found", projectCode ? `${email} has no project ${projectCode}` : `${email} has no project`);
  }
  return project;
}
