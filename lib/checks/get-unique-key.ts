import { createHash } from "node:crypto";

/**
 * Healthchecks' Check.unique_key: hex SHA-1 of the first 16 hex digits of the UUID (no dashes).
 * Stable and safe to show to read-only API keys, Prometheus and incident keys, because the
 * UUID itself is the ping secret and cannot be derived back from it.
 */
export function getUniqueKey(code: string): string {
  return createHash("sha1").update(code.replace(/-/g, "").toLowerCase().slice(0, 16), "ascii").digest("hex");
}
