import { userActor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import type { Check } from "../db";
import { deleteCheck } from "./delete-check";

/** Deletes a check with its history for a user who may write to its project. */
export async function deleteCheckAsUser(userId: number, checkCode: string): Promise<Check> {
  const { check } = await requireCheckAccess(userActor(userId), checkCode, "write");
  return deleteCheck(check.id);
}
