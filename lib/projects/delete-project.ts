import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";

export interface DeleteProjectOptions {
  actor: Actor;
  projectCode: string;
  /** The project's name (or its UUID when it has none), typed by the user. */
  confirmation: unknown;
  tx?: Tx;
}

/**
 * Deletes the project with its checks, pings, flips, integrations, notifications and team
 * (FK cascades). Owner only. A confirmation that is not the project's name, so a slip of the
 * mouse deletes nothing, gets AppError("bad_request").
 */
export async function deleteProject({ actor, projectCode, confirmation, tx }: DeleteProjectOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "own", tx);
    const expected = project.name || project.code;
    if (typeof confirmation !== "string" || confirmation.trim() !== expected.trim()) {
      throw new AppError("bad_request", "The name you typed does not match the project's name.", { field: "confirmation" });
    }
    await tx.project.delete({ where: { id: project.id } });
  });
}
