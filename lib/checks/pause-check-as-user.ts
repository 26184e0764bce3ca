import { requireCheckAccess } from "../auth/permissions";
import type { Check } from "../db";
import { pauseCheck } from "./pause-check";

/** Pauses a check for a user who may write to its project. Throws AppError on access. */
export async function pauseCheckAsUser(userId: number, checkCode: string): Promise<Check> {
  const { check } = await requireCheckAccess(userId, checkCode, "write");
  return pauseCheck(check.id);
}
