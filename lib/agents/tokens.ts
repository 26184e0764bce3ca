// Agent tokens: made here, shown once, stored only as their SHA-256. A token carries 256 random
// bits, so a fast unsalted hash is enough (nothing to brute-force), and the hash can be the
// unique lookup key: the database finds the agent without ever holding the token.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Every agent token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const AGENT_TOKEN_PREFIX = "vga_";

const TOKEN_SHAPE = /^vga_[A-Za-z0-9_-]{43}$/;

/** A new token: the prefix and 32 random bytes in base64url. */
export function generateAgentToken(): string {
  return `${AGENT_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** The token_hash column's value: SHA-256, hex. */
export function hashAgentToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether `token` could be one of ours; anything else is refused before the database is asked. */
export function isAgentTokenShape(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * Compares a stored hash with the hash of a presented token in constant time. The lookup by
 * hash already found the row; this guards against an index or collation that matched loosely.
 */
export function isSameTokenHash(stored: string, presented: string): boolean {
  const a = Buffer.from(stored, "utf8");
  const b = Buffer.from(presented, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token from an `Authorization: Bearer <token>` header, or null. */
export function readBearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}
