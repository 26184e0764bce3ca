import { notFound } from "next/navigation";
import { getProjectAccess } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/**
 * The signed-in user, the project of the URL and their role there; a 404 when the project is
 * unknown or not theirs (existence is not revealed). Pages then check the role for editing.
 */
export async function loadProject(projectCode: string, path: string) {
  // `path` brings a signed-out visitor back here after signing in.
  const user = await requireUser(path);
  const access = await getProjectAccess(user.id, projectCode);
  if (!access) notFound();
  return { user, ...access };
}
