import { describe, expect, test } from "vitest";
import { decodeBase32, encodeBase32, findTotpStep, getTotpCode, getTotpStep, getTotpUri } from "../../lib/auth/totp";

// RFC 6238 appendix B, SHA-1 column: the seed is the ASCII string "12345678901234567890".
const RFC_KEY = Buffer.from("12345678901234567890");
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP", () => {
  for (const [seconds, code] of RFC_VECTORS) {
    test(`matches the RFC 6238 SHA-1 vector at T=${seconds}`, () => {
      const step = getTotpStep(new Date(seconds * 1000));
      expect(getTotpCode(RFC_KEY, step, 8)).toBe(code);
      // Six digits are the last six of the same value.
      expect(getTotpCode(RFC_KEY, step)).toBe(code.slice(2));
    });
  }

  test("base32 round-trips, ignoring case, spaces and padding", () => {
    const secret = encodeBase32(RFC_KEY);
    expect(secret).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(decodeBase32(secret.toLowerCase().replace(/(.{4})/g, "$1 ") + "==")).toEqual(RFC_KEY);
    expect(() => decodeBase32("not base32!")).toThrow();
  });

  const secret = encodeBase32(RFC_KEY);
  const now = new Date(1_111_111_111_000);
  const step = getTotpStep(now);
  const codeAt = (s: number) => getTotpCode(RFC_KEY, s);

  test("accepts the current step and one step either side, nothing further", () => {
    expect(findTotpStep(secret, codeAt(step), now, null)).toBe(step);
    expect(findTotpStep(secret, codeAt(step - 1), now, null)).toBe(step - 1);
    expect(findTotpStep(secret, codeAt(step + 1), now, null)).toBe(step + 1);
    expect(findTotpStep(secret, codeAt(step - 2), now, null)).toBeNull();
    expect(findTotpStep(secret, codeAt(step + 2), now, null)).toBeNull();
  });

  test("refuses a code of a step already used, and of earlier steps", () => {
    expect(findTotpStep(secret, codeAt(step), now, step)).toBeNull();
    expect(findTotpStep(secret, codeAt(step - 1), now, step)).toBeNull();
    expect(findTotpStep(secret, codeAt(step + 1), now, step)).toBe(step + 1);
  });

  test("ignores spaces and refuses anything but six digits", () => {
    const code = codeAt(step);
    expect(findTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    expect(findTotpStep(secret, code.slice(0, 5), now, null)).toBeNull();
    expect(findTotpStep(secret, "abcdef", now, null)).toBeNull();
  });

  test("builds the otpauth URI authenticator apps expect", () => {
    const uri = new URL(getTotpUri(secret, "alice@example.org", "Vigil"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Vigil:alice@example.org");
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret, issuer: "Vigil", algorithm: "SHA1", digits: "6", period: "30" });
  });
});
