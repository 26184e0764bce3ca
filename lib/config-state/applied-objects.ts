// What `vigil apply` last applied to each object of a project (the applied_objects rows), so
// `vigil plan` can tell a change made in the file from one made on the server since (drift).
// Both verbs act for one project; a read-write API key writes, a read-only one may read.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getDb, inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export const APPLIED_KINDS = ["check", "channel", "status_page"] as const;
export type AppliedKind = (typeof APPLIED_KINDS)[number];

export interface AppliedObjectView {
  kind: AppliedKind;
  /** The object's name in the file: a check's or channel's name, a page's slug. */
  name: string;
  /** The object's public id on the server (check or channel UUID, page code). */
  id: string;
  /** The object's fields as applied, in the file's shape. */
  applied: unknown;
  appliedAt: Date;
}

/** The project's applied objects, ordered by kind, then name. */
export async function listAppliedObjects({ actor, projectCode }: { actor: Actor; projectCode: string }): Promise<AppliedObjectView[]> {
  const { project } = await requireProjectAccess(actor, projectCode, "read");
  const rows = await getDb().appliedObject.findMany({ where: { projectId: project.id }, orderBy: [{ kind: "asc" }, { name: "asc" }] });
  return rows.map((r) => ({ kind: r.kind as AppliedKind, name: r.name, id: r.code, applied: JSON.parse(r.applied) as unknown, appliedAt: r.appliedAt }));
}

export interface SaveAppliedObjectsOptions {
  actor: Actor;
  projectCode: string;
  /** Raw request items: {"kind", "name", "id", "applied"} to upsert, or {"kind", "name", "delete": true}. */
  objects: unknown;
  tx?: Tx;
}

const MAX_OBJECTS = 1000;
const MAX_NAME = 200;
const MAX_APPLIED_JSON = 100_000;

function bad(message: string): AppError {
  return new AppError("bad_request", message, { field: "objects" });
}

type Item = { kind: AppliedKind; name: string; delete: true } | { kind: AppliedKind; name: string; id: string; applied: string };

function parseItems(objects: unknown): Item[] {
  if (!Array.isArray(objects)) throw bad("objects is not a list");
  if (objects.length > MAX_OBJECTS) throw bad(`objects may hold at most ${MAX_OBJECTS} items`);
  return objects.map((raw: unknown, i): Item => {
    const where = `objects[${i}]`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw bad(`${where} is not an object`);
    const o = raw as Record<string, unknown>;
    if (typeof o.kind !== "string" || !(APPLIED_KINDS as readonly string[]).includes(o.kind)) {
      throw bad(`${where}.kind must be one of ${APPLIED_KINDS.join(", ")}`);
    }
    const kind = o.kind as AppliedKind;
    if (typeof o.name !== "string" || o.name === "" || o.name.length > MAX_NAME) throw bad(`${where}.name must be a string of 1 to ${MAX_NAME} characters`);
    if (o.delete === true) return { kind, name: o.name, delete: true };
    if (typeof o.id !== "string" || o.id === "" || o.id.length > 64) throw bad(`${where}.id must be the object's id`);
    if (o.applied === undefined) throw bad(`${where}.applied is missing`);
    const applied = JSON.stringify(o.applied);
    if (applied.length > MAX_APPLIED_JSON) throw bad(`${where}.applied is too large`);
    return { kind, name: o.name, id: o.id, applied };
  });
}

/**
 * Upserts and deletes applied objects in one transaction; returns how many of each. Throws
 * AppError: access as requireProjectAccess ("write"), "bad_request" naming the bad item.
 */
export async function saveAppliedObjects({ actor, projectCode, objects, tx }: SaveAppliedObjectsOptions): Promise<{ saved: number; deleted: number }> {
  const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
  const items = parseItems(objects);
  const appliedAt = new Date();
  return inTransaction(tx, async (db) => {
    let saved = 0;
    let deleted = 0;
    for (const item of items) {
      const key = { projectId_kind_name: { projectId: project.id, kind: item.kind, name: item.name } };
      if ("delete" in item) {
        deleted += (await db.appliedObject.deleteMany({ where: { projectId: project.id, kind: item.kind, name: item.name } })).count;
        continue;
      }
      const data = { code: item.id, applied: item.applied, appliedAt };
      await db.appliedObject.upsert({ where: key, create: { projectId: project.id, kind: item.kind, name: item.name, ...data }, update: data });
      saved++;
    }
    return { saved, deleted };
  });
}
