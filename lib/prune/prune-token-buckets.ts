import { getDb } from "../db";
import { TOKEN_BUCKET_MAX_AGE_MS } from "./retention";

/**
 * Removes rate-limit buckets not used for a day (Healthchecks' prunetokenbucket). No limit
 * refills more slowly than one day, so such a bucket is full again and a missing row means the
 * same thing. Returns how many rows it removed.
 */
export async function pruneTokenBuckets(now: Date = new Date()): Promise<number> {
  const { count } = await getDb().tokenBucket.deleteMany({
    where: { updatedAt: { lt: new Date(now.getTime() - TOKEN_BUCKET_MAX_AGE_MS) } },
  });
  return count;
}
