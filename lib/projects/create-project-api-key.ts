import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { createApiKey } from "./create-api-key";

/**
 * Creates (or replaces) the project's read-write or read-only API key for a team member or
 * above; read-only members may not see keys (§7.2). Returns the clear key, shown once.
 */
export async function createProjectApiKey(userId: number, projectCode: string, opts: { readOnly: boolean }): Promise<string> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  return createApiKey(project.id, opts);
}
