// What an account signs in with: its email address (how it is checked and stored) and its
// password (how it is hashed and verified).
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";

// Django's EmailValidator also accepts bare "localhost" domains, which self-hosters use.
const EMAIL = /^[^\s@]+@([^\s@.]+\.)+[^\s@.]+$|^[^\s@]+@localhost$/;

/** The address trimmed and lowercased (how User.email is stored); AppError("bad_request") if it is not one. */
export function parseEmail(input: unknown): string {
  const email = typeof input === "string" ? input.trim().toLowerCase() : "";
  if (!email) throw new AppError("bad_request", "Please enter your email address.", { field: "email" });
  if (email.length > 254 || !EMAIL.test(email)) throw new AppError("bad_request", "Please enter a valid email address.", { field: "email" });
  return email;
}

export const MIN_PASSWORD_LENGTH = 8;
// scrypt hashes any length, but there is no reason to accept megabytes.
export const MAX_PASSWORD_LENGTH = 1000;

// Stored format: "scrypt$<N>$<r>$<p>$<salt>$<64-byte key, base64>", where the salt is 16
// random bytes in base64 and that text itself is what scrypt is salted with.
// The parameters live in the string so they can be raised later while old hashes still
// verify (verifyPassword reads them back). N=2^15, r=8, p=1 uses 32 MiB and tens of
// milliseconds per hash: below OWASP's N=2^17 suggestion, chosen so login stays cheap on the
// small hosts Vigil targets.
const N = 32_768;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

/** scrypt as a promise. NFKC first, so the same password typed on another keyboard matches. */
function deriveKey(password: string, salt: string, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r bytes or node refuses the parameters.
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Hashes a password with scrypt and a random salt, in the format above. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16).toString("base64");
  const key = await deriveKey(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt, key.toString("base64")].join("$");
}

/** Whether the password matches a hash made by hashPassword(); false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, n, r, p, salt, key] = stored.split("$");
  if (algorithm !== "scrypt" || !key || ![n, r, p].every((x) => /^\d+$/.test(x))) return false;
  const expected = new Uint8Array(Buffer.from(key, "base64"));
  const actual = new Uint8Array(await deriveKey(password, salt, Number(n), Number(r), Number(p)));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
