import { getDb, type Project } from "../db";
import { hashApiKey } from "./hash-api-key";

/**
 * The project a 32-character API key belongs to, and whether the key is the read-only one.
 * Matches the hashed form and, for keys created before hashing, the legacy clear-text form.
 * The lookup is an indexed equality on the HMAC, so timing reveals nothing usable about
 * stored keys. Returns null for unknown keys.
 */
export async function findProjectByApiKey(key: string): Promise<{ project: Project; readOnly: boolean } | null> {
  if (key.length !== 32) return null;
  const hashed = hashApiKey(key);
  const project = await getDb().project.findFirst({
    where: { OR: [{ apiKey: hashed }, { apiKeyReadonly: hashed }, { apiKey: key }, { apiKeyReadonly: key }] },
  });
  if (!project) return null;
  const readOnly = project.apiKey !== hashed && project.apiKey !== key;
  return { project, readOnly };
}
