import { timingSafeEqual } from "node:crypto";
import { deriveScryptKey } from "./derive-scrypt-key";

/** Whether the password matches a hash made by hashPassword(); false for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, n, r, p, salt, key] = stored.split("$");
  if (algorithm !== "scrypt" || !key || ![n, r, p].every((x) => /^\d+$/.test(x))) return false;
  const expected = new Uint8Array(Buffer.from(key, "base64"));
  const actual = new Uint8Array(await deriveScryptKey(password, salt, Number(n), Number(r), Number(p)));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
