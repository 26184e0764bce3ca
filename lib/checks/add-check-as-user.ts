import { userActor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import type { Check } from "../db";
import { createCheck } from "./create-check";

/**
 * The dashboard's "Add check": a check with the default settings that notifies every channel
 * of the project, as Healthchecks' UI does. Throws AppError "not_found"/"forbidden" on access
 * and "forbidden" when the owner's check limit is reached.
 */
export async function addCheckAsUser(userId: number, projectCode: string): Promise<Check> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  return createCheck(project.id, { channels: "*" });
}
