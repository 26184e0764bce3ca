import { scrypt } from "node:crypto";

export const SCRYPT_KEY_LENGTH = 64;

/** scrypt as a promise. NFKC first, so the same password typed on another keyboard matches. */
export function deriveScryptKey(password: string, salt: string, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r bytes or node refuses the parameters.
    scrypt(password.normalize("NFKC"), salt, SCRYPT_KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}
