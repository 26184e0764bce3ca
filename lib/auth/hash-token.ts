import { createHash } from "node:crypto";
import { getAuthSecret } from "./get-auth-secret";

/**
 * How a VerificationToken's token is stored: next-auth's own scheme (sha256 of token + secret,
 * hex), so links made by createLoginLink are accepted by next-auth's email callback.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(`${token}${getAuthSecret()}`).digest("hex");
}
