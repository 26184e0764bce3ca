// Who may see and change a project's status pages. Reading follows the project's "read";
// changing a page is what the project's owners and managers do ("manage"), and a read-write
// API key, which acts for the project as a whole. A read-only key asked to write gets the
// API's 401 "wrong api key", as everywhere else in the management API.
import type { Actor } from "../auth/actor";
import { requireProjectAccess, type ProjectRole } from "../auth/permissions";
import { getDb, type Project, type StatusIncident, type StatusPage, type Tx } from "../db";
import { AppError } from "../errors";

export type PageAction = "read" | "edit";

type Client = Tx | ReturnType<typeof getDb>;

/** The project action `edit` needs for this actor: keys have no role, so "write" stands for it. */
function projectAction(actor: Actor, action: PageAction) {
  if (action === "read") return "read" as const;
  return actor.type === "apiKey" ? ("write" as const) : ("manage" as const);
}

/** Like requireProjectAccess, for status-page reads and edits. */
export async function requireStatusProjectAccess(
  actor: Actor,
  projectCode: string,
  action: PageAction,
  db: Client = getDb(),
): Promise<{ project: Project; role: ProjectRole }> {
  return requireProjectAccess(actor, projectCode, projectAction(actor, action), db);
}

function pageNotFound(actor: Actor, what = "status page"): AppError {
  return new AppError("not_found", actor.type === "user" ? `${what} not found` : "");
}

/**
 * The page and its project, if the actor may `action` it. An unknown page is a 404; a user
 * who cannot see the project gets the same 404 (existence is not revealed), an API key of
 * another project an empty 403, as for checks.
 */
export async function requireStatusPageAccess(
  actor: Actor,
  pageCode: string,
  action: PageAction,
  db: Client = getDb(),
): Promise<{ page: StatusPage; project: Project; role: ProjectRole }> {
  const page = await db.statusPage.findUnique({ where: { code: pageCode }, include: { project: true } });
  if (!page) throw pageNotFound(actor);
  const { project, ...rest } = page;
  try {
    const { role } = await requireStatusProjectAccess(actor, project.code, action, db);
    return { page: rest, project, role };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") throw pageNotFound(actor);
    throw err;
  }
}

/** Like requireStatusPageAccess, for an incident or maintenance (by its public code). */
export async function requireIncidentAccess(
  actor: Actor,
  incidentCode: string,
  action: PageAction,
  db: Client = getDb(),
): Promise<{ incident: StatusIncident; page: StatusPage; project: Project; role: ProjectRole }> {
  const incident = await db.statusIncident.findUnique({ where: { code: incidentCode }, include: { page: true } });
  if (!incident) throw pageNotFound(actor, "incident");
  const { page, ...rest } = incident;
  const found = await requireStatusPageAccess(actor, page.code, action, db);
  return { incident: rest, ...found };
}
