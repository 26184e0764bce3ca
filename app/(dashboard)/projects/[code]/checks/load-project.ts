import { notFound } from "next/navigation";
import { getProjectAccess } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** The signed-in user and their access to the project of the URL; 404 when they have none. */
export async function loadProject(projectCode: string, path: string) {
  const user = await requireUser(path);
  const access = await getProjectAccess(user.id, projectCode);
  if (!access) notFound();
  return { user, ...access };
}
