import { randomBytes } from "node:crypto";
import { deriveScryptKey } from "./derive-scrypt-key";

// Stored format: "scrypt$<N>$<r>$<p>$<salt>$<64-byte key, base64>", where the salt is 16
// random bytes in base64 and that text itself is what scrypt is salted with.
// The parameters live in the string so they can be raised later while old hashes still
// verify (verifyPassword reads them back). N=2^15, r=8, p=1 uses 32 MiB and tens of
// milliseconds per hash: below OWASP's N=2^17 suggestion, chosen so login stays cheap on the
// small hosts Vigil targets.
const N = 32_768;
const R = 8;
const P = 1;

/** Hashes a password with scrypt and a random salt, in the format above. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16).toString("base64");
  const key = await deriveScryptKey(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt, key.toString("base64")].join("$");
}
