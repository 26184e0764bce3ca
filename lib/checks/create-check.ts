import { randomUUID } from "node:crypto";
import { assignChannels, findChannelsBySpec } from "./check-channels";
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Check, type Tx } from "../db";
import { AppError } from "../errors";
import { applyCheckSpec, DEFAULT_CHECK_SETTINGS } from "./apply-check-spec";
import { parseCheckSpec, type CheckSpec } from "./check-spec";
import { lockCheck } from "./find-check";
import type { ApiVersion } from "./to-dict";
import { writeCheckSpec } from "./update-check";

export interface CreateCheckOptions {
  actor: Actor;
  projectCode: string;
  /** The request body, with the API's JSON keys; absent keys get the defaults. */
  input: Record<string, unknown>;
  /** Whose semantics apply: API v1/v2 derive the slug from the name. Default 3. */
  version?: ApiVersion;
  /** Join the caller's transaction instead of opening one. */
  tx?: Tx;
  now?: Date;
}

export interface CreatedCheck {
  check: Check;
  /** False when `unique` matched an existing check, which was updated instead. */
  created: boolean;
}

/**
 * The check a create request with `unique` should update instead (Healthchecks' _lookup): the
 * project's oldest check whose listed fields all equal the request's. Null when `unique` is
 * absent or empty, when a listed field is missing from the request, or when no check matches.
 */
async function findUpsertTarget(tx: Tx, projectId: number, spec: CheckSpec): Promise<Check | null> {
  if (!spec.unique || spec.unique.length === 0) return null;
  const where: Record<string, string | number> = {};
  for (const field of spec.unique) {
    const value = spec[field];
    if (value === undefined) return null;
    where[field] = value;
  }
  return tx.check.findFirst({ where: { projectId, ...where }, orderBy: { id: "asc" } });
}

/**
 * Creates a check in the project (Healthchecks' API create): the actor's access first, then
 * parseCheckSpec, then the writes in one transaction. With `unique`, a matching check is updated
 * instead (`created: false`). Throws AppError on access, AppError("bad_request") for a bad body
 * or `channels` value (nothing is written), and AppError("forbidden", "") when the project
 * owner's check limit, summed over their projects, is reached.
 */
export async function createCheck({ actor, projectCode, input, version = 3, tx, now = new Date() }: CreateCheckOptions): Promise<CreatedCheck> {
  return inTransaction(tx, async (tx) => {
    // Locking the project first serializes creations in it, so two at once cannot both take the
    // last check of the limit, and on SQLite the transaction writes before it reads (see lockCheck).
    await tx.$executeRaw`UPDATE projects SET id = id WHERE code = ${projectCode}`;
    const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
    const spec = parseCheckSpec(input);

    const target = await findUpsertTarget(tx, project.id, spec);
    if (target) {
      await lockCheck(tx, target.code);
      const check = await tx.check.findUniqueOrThrow({ where: { id: target.id } });
      return { check: await writeCheckSpec(tx, check, spec, version, now), created: false };
    }

    const owner = await tx.user.findUniqueOrThrow({ where: { id: project.ownerId }, select: { checkLimit: true } });
    const used = await tx.check.count({ where: { project: { ownerId: project.ownerId } } });
    if (used >= owner.checkLimit) {
      throw new AppError("forbidden", "", { userMessage: "the project owner's check limit is reached: delete a check first" });
    }
    const channelIds = spec.channels === undefined ? null : await findChannelsBySpec(tx, project.id, spec.channels);
    const changes = applyCheckSpec({ ...DEFAULT_CHECK_SETTINGS, status: "new", lastPing: null, lastStart: null }, spec, version, now);
    const check = await tx.check.create({
      data: { ...DEFAULT_CHECK_SETTINGS, ...changes, code: randomUUID(), badgeKey: randomUUID(), projectId: project.id },
    });
    if (channelIds) await assignChannels(tx, check.id, channelIds);
    return { check, created: true };
  });
}
