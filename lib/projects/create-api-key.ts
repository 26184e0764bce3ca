import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { inTransaction, type Tx } from "../db";
import { generateApiKey, hashApiKey } from "./keys";

export interface CreateApiKeyOptions {
  actor: Actor;
  projectCode: string;
  readOnly: boolean;
  tx?: Tx;
}

/**
 * Generates a new read-write ("hcw_") or read-only ("hcr_") API key for the project, replacing
 * the previous one, and stores only its hash (team members and up: read-only members may not
 * see keys). Returns the clear key, which cannot be shown again.
 */
export async function createApiKey({ actor, projectCode, readOnly, tx }: CreateApiKeyOptions): Promise<string> {
  return inTransaction(tx, async (tx) => {
    const { project } = await requireProjectAccess(actor, projectCode, "write", tx);
    const key = generateApiKey(readOnly);
    const hashed = hashApiKey(key);
    await tx.project.update({ where: { id: project.id }, data: readOnly ? { apiKeyReadonly: hashed } : { apiKey: hashed } });
    return key;
  });
}
