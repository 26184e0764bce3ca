import { notFound } from "next/navigation";
import { userActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { findProjectAccess } from "@/lib/projects/queries";

/**
 * The signed-in user, their actor, the project of the URL and their role there; a 404 when the
 * project is unknown or not theirs (existence is not revealed). Pages then check the role for
 * editing.
 */
export async function loadProject(projectCode: string, path: string) {
  // `path` brings a signed-out visitor back here after signing in.
  const user = await requireUser(path);
  const actor = userActor(user.id);
  const access = await findProjectAccess({ actor, projectCode });
  if (!access) notFound();
  return { user, actor, ...access };
}
