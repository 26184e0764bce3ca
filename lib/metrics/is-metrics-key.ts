import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/**
 * Whether `given` is METRICS_KEY, compared in constant time (digests first, so the lengths
 * match and the key's length does not leak either). False while METRICS_KEY is unset.
 */
export function isMetricsKey(given: string): boolean {
  const { metricsKey } = getEnv();
  return metricsKey !== "" && timingSafeEqual(digest(given), digest(metricsKey));
}
