import { userActor } from "@/lib/auth/actor";
import { orNotFound, requireUser } from "@/lib/auth/session";
import { findCheck } from "@/lib/checks/find-check";

/**
 * The signed-in user, the check of the URL, its project and the user's role there; a 404 when
 * the check is unknown or not theirs (existence is not revealed).
 */
export async function loadCheck(checkCode: string, path: string) {
  const user = await requireUser(path);
  return { user, ...(await orNotFound(findCheck({ actor: userActor(user.id), checkCode }))) };
}
