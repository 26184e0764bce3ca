import { createHash } from "node:crypto";
import { getDb } from "../db";
import { getEnv } from "../env";
import { isUniqueViolation } from "../errors";

// Healthchecks' TokenBucket.authorize: a bucket holds up to 1.0, refills at 1.0 per
// `refillSeconds`, and each attempt costs 1/capacity. Float drift must not refuse the last of
// `capacity` attempts of a fresh bucket, hence the epsilon.
const EPSILON = 1e-9;
// A concurrent writer changed the row between our read and our write: read again.
const MAX_TRIES = 5;

/** The stored key: a salted hash, so the table never holds email or IP addresses. */
export function hashRateKey(key: string): string {
  return "rl-" + createHash("sha256").update(`${getEnv().secretKey}:${key}`).digest("hex");
}

/**
 * Takes one token from the bucket named by `key` (up to `capacity` attempts per `refillSeconds`,
 * refilling continuously). Returns false, and takes nothing, when the bucket is empty.
 * Safe under concurrency on both databases: writes are compare-and-set on the row read.
 */
export async function consumeToken(key: string, capacity: number, refillSeconds: number, now = new Date()): Promise<boolean> {
  const db = getDb();
  const value = hashRateKey(key);
  const cost = 1 / capacity;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const bucket = await db.tokenBucket.findUnique({ where: { value } });
    if (!bucket) {
      try {
        await db.tokenBucket.create({ data: { value, tokens: 1 - cost, updatedAt: now } });
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) continue;
        throw err;
      }
    }
    const elapsed = Math.max(0, (now.getTime() - bucket.updatedAt.getTime()) / 1000);
    const tokens = Math.min(1, bucket.tokens + elapsed / refillSeconds);
    if (tokens < cost - EPSILON) return false;
    const { count } = await db.tokenBucket.updateMany({
      where: { value, tokens: bucket.tokens, updatedAt: bucket.updatedAt },
      data: { tokens: tokens - cost, updatedAt: now },
    });
    if (count === 1) return true;
  }
  // Heavy contention on one key is itself a sign of abuse.
  return false;
}

/** Forgets the bucket named by `key`: its next attempt starts with a full bucket. */
export async function deleteBucket(key: string): Promise<void> {
  await getDb().tokenBucket.deleteMany({ where: { value: hashRateKey(key) } });
}
