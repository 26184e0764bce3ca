import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * Sets whether the UI shows slug ping URLs instead of UUID URLs (team members and up). Slug
 * URLs need a ping key: turning them on without one throws AppError("bad_request").
 */
export async function updateShowSlugs(userId: number, projectCode: string, showSlugs: boolean): Promise<void> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  if (showSlugs && !project.pingKey) throw new AppError("bad_request", "Create a ping key first: slug URLs contain it.");
  await getDb().project.update({ where: { id: project.id }, data: { showSlugs } });
}
