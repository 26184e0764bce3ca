import { createHmac } from "node:crypto";
import { getEnv } from "../env";

/**
 * The stored form of an API key (Healthchecks' format): the first 8 characters in clear, so
 * a key can be recognised in the UI, then "." and hex HMAC-SHA256(SECRET_KEY, key). A leaked
 * database therefore does not leak usable keys.
 */
export function hashApiKey(key: string): string {
  const mac = createHmac("sha256", getEnv().secretKey).update(key, "utf8").digest("hex");
  return `${key.slice(0, 8)}.${mac}`;
}
