import { createHmac } from "node:crypto";
import { getEnv } from "../env";

/**
 * The secret that signs session JWTs and salts stored token hashes: derived from SECRET_KEY
 * rather than SECRET_KEY itself, so a leak of one use does not expose the other uses.
 */
export function getAuthSecret(): string {
  return createHmac("sha256", getEnv().secretKey).update("vigil/next-auth").digest("hex");
}
