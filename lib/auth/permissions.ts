// Who may do what in a project, for every kind of actor. Every verb asks here first, so hiding
// a button is never the only guard. The roles and what they allow are Healthchecks' team roles;
// how a refusal reads depends on who asked: the web app names the object ("check not found"),
// the management API answers Healthchecks' empty 403/404 and "wrong api key".
import { getDb, type Channel, type Check, type Project, type Tx, type User } from "../db";
import { isInstanceAdmin } from "../env";
import { AppError } from "../errors";
import type { Actor } from "./actor";

export type ProjectRole = "owner" | "manager" | "member" | "readonly";

/**
 * read: view checks, pings, integrations. write: create/edit/delete checks and integrations,
 * rename the project, see and regenerate API keys. manage: invite, re-role and remove members.
 * own: delete the project, transfer its ownership.
 */
export type ProjectAction = "read" | "write" | "manage" | "own";

const ALLOWED: Record<ProjectAction, readonly ProjectRole[]> = {
  read: ["owner", "manager", "member", "readonly"],
  write: ["owner", "manager", "member"],
  manage: ["owner", "manager"],
  own: ["owner"],
};

export function can(role: ProjectRole, action: ProjectAction): boolean {
  return ALLOWED[action].includes(role);
}

/** Healthchecks' Member.role codes: "m" manager, "w" team member, "r" read-only. */
export function roleFromMemberCode(code: string): ProjectRole {
  if (code === "m") return "manager";
  if (code === "r") return "readonly";
  // Unknown codes get the default Healthchecks gives new members rather than more rights.
  return code === "w" ? "member" : "readonly";
}

type Client = Tx | ReturnType<typeof getDb>;

/** The user's role in the project, or null when the project is unknown or not theirs. */
export async function getProjectAccess(
  userId: number,
  projectCode: string,
  db: Client = getDb(),
): Promise<{ project: Project; role: ProjectRole } | null> {
  const project = await db.project.findUnique({
    where: { code: projectCode },
    include: { members: { where: { userId } } },
  });
  if (!project) return null;
  const { members, ...rest } = project;
  if (rest.ownerId === userId) return { project: rest, role: "owner" };
  const member = members[0];
  return member ? { project: rest, role: roleFromMemberCode(member.role) } : null;
}

type ObjectName = "project" | "check" | "integration";

/**
 * The actor's role in `project`, or throws the refusal that actor gets: a user without access
 * sees "<object> not found" (existence is not revealed), an API key of another project an empty
 * 403 as in Healthchecks.
 */
async function roleIn(actor: Actor, project: Project, what: ObjectName, db: Client): Promise<ProjectRole> {
  switch (actor.type) {
    case "system":
      return "owner";
    case "apiKey":
      if (actor.project.id !== project.id) throw new AppError("forbidden", "");
      // A read-write key may do what a team member may; managing the team needs a person.
      return actor.readOnly ? "readonly" : "member";
    case "user": {
      if (project.ownerId === actor.userId) return "owner";
      const member = await db.member.findFirst({ where: { projectId: project.id, userId: actor.userId } });
      if (!member) throw new AppError("not_found", `${what} not found`);
      return roleFromMemberCode(member.role);
    }
    case "agent":
      // Agents read their assignment and post results through their own endpoints only.
      throw new AppError("forbidden", "");
  }
}

function assertAllowed(actor: Actor, role: ProjectRole, action: ProjectAction): void {
  if (can(role, action)) return;
  if (actor.type === "apiKey") {
    // Healthchecks answers a read-only key on a write endpoint with 401 "wrong api key".
    if (actor.readOnly && action === "write") throw new AppError("unauthorized", "wrong api key");
    throw new AppError("forbidden", "");
  }
  throw new AppError("forbidden", "you do not have permission to do this in this project");
}

function notFound(actor: Actor, what: ObjectName): AppError {
  return new AppError("not_found", actor.type === "user" ? `${what} not found` : "");
}

/**
 * The project and the actor's role in it, if the actor may do `action` there. Throws
 * AppError("not_found") for an unknown project (and, for a user, one they have no access to),
 * "forbidden" when the role is too low or the API key is another project's, "unauthorized"
 * for a read-only key asked to write.
 */
export async function requireProjectAccess(
  actor: Actor,
  projectCode: string,
  action: ProjectAction,
  db: Client = getDb(),
): Promise<{ project: Project; role: ProjectRole }> {
  const project = await db.project.findUnique({ where: { code: projectCode } });
  if (!project) throw notFound(actor, "project");
  const role = await roleIn(actor, project, "project", db);
  assertAllowed(actor, role, action);
  return { project, role };
}

/** Like requireProjectAccess, for the project a check belongs to. */
export async function requireCheckAccess(
  actor: Actor,
  checkCode: string,
  action: ProjectAction,
  db: Client = getDb(),
): Promise<{ check: Check; project: Project; role: ProjectRole }> {
  const found = await db.check.findUnique({ where: { code: checkCode }, include: { project: true } });
  if (!found) throw notFound(actor, "check");
  const { project, ...check } = found;
  const role = await roleIn(actor, project, "check", db);
  assertAllowed(actor, role, action);
  return { check, project, role };
}

/** Like requireProjectAccess, for the project a channel (integration) belongs to. */
export async function requireChannelAccess(
  actor: Actor,
  channelCode: string,
  action: ProjectAction,
  db: Client = getDb(),
): Promise<{ channel: Channel; project: Project; role: ProjectRole }> {
  const found = await db.channel.findUnique({ where: { code: channelCode }, include: { project: true } });
  if (!found) throw notFound(actor, "integration");
  const { project, ...channel } = found;
  const role = await roleIn(actor, project, "integration", db);
  assertAllowed(actor, role, action);
  return { channel, project, role };
}

/**
 * The account an account verb (password, email, two-factor, settings, closing) acts on: the
 * signed-in user's own. Other actors have no account: AppError("forbidden"). A user deleted
 * meanwhile gets AppError("not_found").
 */
export async function requireAccount(actor: Actor, db: Client = getDb()): Promise<User> {
  if (actor.type !== "user") throw new AppError("forbidden", "only a signed-in person can change an account");
  const user = await db.user.findUnique({ where: { id: actor.userId } });
  if (!user) throw new AppError("not_found", "account not found");
  return user;
}

/**
 * Instance administration (remote probe agents), which belongs to no project: Vigil itself, or a
 * signed-in person whose email ADMIN_EMAILS names. Anyone else: AppError("forbidden").
 */
export async function requireInstanceAdmin(actor: Actor, db: Client = getDb()): Promise<void> {
  if (actor.type === "system") return;
  if (actor.type === "user") {
    const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
    if (user && isInstanceAdmin(user.email)) return;
  }
  throw new AppError("forbidden", "only an instance administrator can manage agents");
}
