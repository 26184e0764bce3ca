import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb } from "../db";

/** Revokes the project's read-write or read-only API key (team members and up). */
export async function deleteProjectApiKey(userId: number, projectCode: string, opts: { readOnly: boolean }): Promise<void> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  await getDb().project.update({
    where: { id: project.id },
    data: opts.readOnly ? { apiKeyReadonly: "" } : { apiKey: "" },
  });
}
