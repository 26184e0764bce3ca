import { userActor } from "../auth/actor";
import { requireCheckAccess, requireProjectAccess } from "../auth/permissions";
import type { Check } from "../db";
import { moveCheck } from "./move-check";

/**
 * Moves a check to another project; the user must be able to write to both. Throws AppError
 * "not_found"/"forbidden" on access to either project, and "forbidden" when the target
 * owner's check limit is reached.
 */
export async function moveCheckAsUser(userId: number, checkCode: string, targetProjectCode: string): Promise<Check> {
  const { check } = await requireCheckAccess(userActor(userId), checkCode, "write");
  const { project: target } = await requireProjectAccess(userActor(userId), targetProjectCode, "write");
  return moveCheck(check.id, target.id);
}
