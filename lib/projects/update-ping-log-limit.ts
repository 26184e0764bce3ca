import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Project, type Tx } from "../db";
import { parsePingLogLimit } from "./project-fields";

export interface UpdatePingLogLimitOptions {
  actor: Actor;
  projectCode: string;
  /** The raw form value. */
  value: unknown;
  tx?: Tx;
}

/**
 * Sets how many pings each of the project's checks keeps (Healthchecks' ping_log_limit).
 * Owners and managers only: it decides how much history the whole team loses. Older pings go at
 * each check's next 100th ping, or with `vigil prune pings`. Throws AppError("bad_request")
 * unless the value is a whole number from 1 to getMaxPingLogLimit(), and AppError on access.
 */
export async function updatePingLogLimit({ actor, projectCode, value, tx }: UpdatePingLogLimitOptions): Promise<Project> {
  return inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "manage", tx);
    const limit = parsePingLogLimit(value);
    return tx.project.update({ where: { id: project.id }, data: { pingLogLimit: limit } });
  });
}
