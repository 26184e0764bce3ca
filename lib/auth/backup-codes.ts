import { createHmac, randomInt } from "node:crypto";
import { getAuthSecret } from "./get-auth-secret";

export const BACKUP_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes get copied from paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten fresh single-use codes like "k7m2p-x9qfa" (about 49 bits each), shown to the user once. */
export function generateBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    let code = "";
    for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

/**
 * How a backup code is stored: a keyed hash of the code without case, spaces or dashes. The
 * codes are random, so a fast hash is enough; the key keeps a leaked table from being useful.
 */
export function hashBackupCode(code: string): string {
  const clean = code.toLowerCase().replace(/[\s-]/g, "");
  return createHmac("sha256", getAuthSecret()).update(`backup:${clean}`).digest("hex");
}
