import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";

export interface DeleteApiKeyOptions {
  actor: Actor;
  projectCode: string;
  readOnly: boolean;
  tx?: Tx;
}

/** Revokes the project's read-write or read-only API key (team members and up). */
export async function deleteApiKey({ actor, projectCode, readOnly, tx }: DeleteApiKeyOptions): Promise<void> {
  await inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
    await tx.project.update({ where: { id: project.id }, data: readOnly ? { apiKeyReadonly: "" } : { apiKey: "" } });
  });
}
