import { userActor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import type { Check } from "../db";
import { resumeCheck } from "./resume-check";

/**
 * Resumes a paused check for a user who may write to its project. Throws AppError on access
 * and AppError("conflict", "check is not paused") for any other status.
 */
export async function resumeCheckAsUser(userId: number, checkCode: string): Promise<Check> {
  const { check } = await requireCheckAccess(userActor(userId), checkCode, "write");
  return resumeCheck(check.id);
}
