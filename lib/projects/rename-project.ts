import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb, type Project } from "../db";
import { projectNameSchema } from "./project-name-schema";

/** Renames the project (team members and up). Throws ZodError for a bad name, AppError on access. */
export async function renameProject(userId: number, projectCode: string, name: string): Promise<Project> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  const valid = projectNameSchema.parse(name);
  return getDb().project.update({ where: { id: project.id }, data: { name: valid } });
}
