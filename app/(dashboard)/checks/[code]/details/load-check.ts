import { notFound } from "next/navigation";
import { userActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { findCheck } from "@/lib/checks/find-check";
import { AppError } from "@/lib/errors";

/**
 * The signed-in user, the check of the URL, its project and the user's role there; a 404 when
 * the check is unknown or not theirs (existence is not revealed).
 */
export async function loadCheck(checkCode: string, path: string) {
  const user = await requireUser(path);
  try {
    return { user, ...(await findCheck({ actor: userActor(user.id), checkCode })) };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
