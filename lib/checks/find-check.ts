// Finding a check on someone's behalf, by UUID or by unique_key, and locking its row for a
// read-modify-write. Pages, the management API and the verbs all come through here, so a
// refusal reads the way each kind of actor expects (see lib/auth/permissions.ts).
import type { Actor } from "../auth/actor";
import { requireCheckAccess, type ProjectAction, type ProjectRole } from "../auth/permissions";
import { getDb, type Check, type Prisma, type Project, type Tx } from "../db";
import { AppError } from "../errors";
import { getUniqueKey } from "./to-dict";

export interface FoundCheck {
  check: Check;
  project: Project;
  /** The actor's role in the check's project. */
  role: ProjectRole;
}

/**
 * The check with this UUID, if the actor may do `action` in its project (default "read").
 * Throws AppError: for users "check not found" (also when it is not theirs) and "forbidden";
 * for API keys Healthchecks' empty 404 for an unknown UUID and 403 for another project's check.
 */
export async function findCheck({ actor, checkCode, action = "read", tx }: {
  actor: Actor;
  checkCode: string;
  action?: ProjectAction;
  tx?: Tx;
}): Promise<FoundCheck> {
  return requireCheckAccess(actor, checkCode, action, tx);
}

/** Where to look for a unique_key: the key's project, or every project a user belongs to. */
function uniqueKeyScope(actor: Actor): Prisma.CheckWhereInput | null {
  switch (actor.type) {
    case "apiKey":
      return { projectId: actor.project.id };
    case "user":
      return { project: { OR: [{ ownerId: actor.userId }, { members: { some: { userId: actor.userId } } }] } };
    case "system":
      return {};
    case "agent":
      return null;
  }
}

/**
 * The check whose unique_key is given, among the checks the actor may read: a read-only API
 * key's way to address a check, and the /cloaked/ links in notifications. unique_key is derived,
 * not stored, so this hashes the UUIDs in scope, as Healthchecks does; cheap for the hundreds of
 * checks a project has. Throws AppError("not_found") when none matches.
 */
export async function findCheckByUniqueKey({ actor, uniqueKey }: { actor: Actor; uniqueKey: string }): Promise<FoundCheck> {
  const scope = uniqueKeyScope(actor);
  const codes = scope && /^[0-9a-f]{40}$/.test(uniqueKey) ? await getDb().check.findMany({ where: scope, select: { code: true } }) : [];
  const match = codes.find((c) => getUniqueKey(c.code) === uniqueKey);
  if (!match) throw new AppError("not_found", actor.type === "user" ? "check not found" : "");
  return requireCheckAccess(actor, match.code, "read");
}

/**
 * Takes the check's row lock inside a transaction (Healthchecks' select_for_update) so a
 * concurrent ping or sendalerts scan cannot interleave with a read-modify-write of the check.
 * A no-op UPDATE does this on both databases: PostgreSQL locks the row, SQLite takes the write
 * lock, which `SELECT ... FOR UPDATE` could not do there. Verbs take it before they read
 * anything: a SQLite transaction that reads first cannot write once another connection (the
 * ping store, sendalerts) has committed since (SQLITE_BUSY_SNAPSHOT). Returns false when there
 * is no such check.
 */
export async function lockCheck(tx: Tx, checkCode: string): Promise<boolean> {
  const count = await tx.$executeRaw`UPDATE checks SET id = id WHERE code = ${checkCode}`;
  return count === 1;
}
