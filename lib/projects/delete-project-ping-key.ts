import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";

/**
 * Revokes the project's ping key (team members and up): slug ping URLs answer 404 until a new
 * key is created, and the UI falls back to UUID URLs.
 */
export async function deleteProjectPingKey(userId: number, projectCode: string): Promise<void> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  await getDb().project.update({ where: { id: project.id }, data: { pingKey: null, showSlugs: false } });
}
