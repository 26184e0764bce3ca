import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";

/**
 * Deletes the project with its checks, pings, flips, integrations, notifications and team
 * (FK cascades). Owner only. `confirmation` must be the project's name (or its UUID when it
 * has no name), so a slip of the mouse deletes nothing; otherwise AppError("bad_request").
 */
export async function deleteProject(userId: number, projectCode: string, confirmation: string): Promise<void> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "own");
  const expected = project.name || project.code;
  if (confirmation.trim() !== expected.trim()) {
    throw new AppError("bad_request", "The name you typed does not match the project's name.");
  }
  await getDb().project.delete({ where: { id: project.id } });
}
