import { getDb } from "../db";
import { generateToken } from "./generate-token";
import { hashApiKey } from "./hash-api-key";

/**
 * Generates a new read-write ("hcw_") or read-only ("hcr_") API key for the project, replacing
 * the previous one, and stores only its hash. Returns the clear key, which cannot be shown
 * again.
 */
export async function createApiKey(projectId: number, opts: { readOnly: boolean }): Promise<string> {
  const key = (opts.readOnly ? "hcr_" : "hcw_") + generateToken(28);
  const hashed = hashApiKey(key);
  await getDb().project.update({
    where: { id: projectId },
    data: opts.readOnly ? { apiKeyReadonly: hashed } : { apiKey: hashed },
  });
  return key;
}
