import { randomBytes } from "node:crypto";

/**
 * A random URL-safe token of `length` characters without "-" or "_" (Healthchecks draws
 * token_urlsafe() until none appear, so keys stay double-click selectable). Rejection sampling
 * from base64url keeps every remaining character equally likely.
 */
export function generateToken(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const c of randomBytes(length).toString("base64url")) {
      if (c !== "-" && c !== "_" && out.length < length) out += c;
    }
  }
  return out;
}
