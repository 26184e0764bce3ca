import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { createPingKey } from "./create-ping-key";

/** Gives the project a new ping key (team members and up); old slug URLs stop working. Returns it. */
export async function createProjectPingKey(userId: number, projectCode: string): Promise<string> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  return createPingKey(project.id);
}
