import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { loadProject } from "../load-project";

/**
 * Like loadProject, for the add/edit forms: read-only members get a 404 there too (the
 * actions refuse them anyway; this keeps them from seeing a form they cannot submit).
 */
export async function requireWriter(projectCode: string, path: string) {
  const { user, actor, project, role } = await loadProject(projectCode, path);
  if (!can(role, "write")) notFound();
  return { user, actor, project };
}
