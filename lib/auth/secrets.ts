// Keys derived from SECRET_KEY, one per use (sessions, stored token hashes, encrypted second
// factors), so that what one use reveals says nothing about another.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "../env";

/**
 * The secret that signs session JWTs and keys stored token hashes: HMAC-SHA256(SECRET_KEY,
 * "vigil/next-auth"). Changing this derivation signs everybody out.
 */
export function getAuthSecret(): string {
  return createHmac("sha256", getEnv().secretKey).update("vigil/next-auth").digest("hex");
}

/**
 * How a VerificationToken's token is stored: next-auth's own scheme (sha256 of token + secret,
 * hex), so links made by createLoginLink are accepted by next-auth's email callback.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(`${token}${getAuthSecret()}`).digest("hex");
}

// Version 1: AES-256-GCM, 12-byte IV, 16-byte tag, base64url. Base32 TOTP secrets (the stored
// form before encryption) never contain ":", so old and new values cannot be confused.
const SEALED_PREFIX = "enc1:";

function sealingKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().secretKey, "", `vigil/${purpose}`, 32));
}

/** Whether a stored value was made by sealSecret (rather than stored in clear by older Vigil). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** Encrypts `plain` with a key derived from SECRET_KEY for `purpose` ("totp-secret"). */
export function sealSecret(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/**
 * The value sealSecret sealed. Throws when it was sealed for another purpose, altered, or
 * sealed under another SECRET_KEY.
 */
export function openSecret(stored: string, purpose: string): string {
  const raw = Buffer.from(stored.slice(SEALED_PREFIX.length), "base64url");
  if (!isSealed(stored) || raw.length < 28) throw new Error("not a sealed value");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
}
