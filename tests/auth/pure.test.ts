import { afterEach, describe, expect, test } from "vitest";
import { getClientIp, isSameOrigin, safeNextPath } from "../../lib/auth/request-trust";
import { isTrustedProxy } from "../../lib/net/trusted-proxies";
import { isSealed, openSecret, sealSecret } from "../../lib/auth/secrets";
import { getSignInErrorMessage } from "../../lib/auth/sign-in-errors";
import { parseEnv, setEnv } from "../../lib/env";
import { normalizeRateLimitEmail } from "../../lib/rate-limit/rate-limits";

describe("normalizeRateLimitEmail", () => {
  test.each([
    ["Alice@Example.org", "alice@example.org"],
    ["a.l.i.c.e@example.org", "alice@example.org"],
    ["alice+news@example.org", "alice@example.org"],
    ["a.lice+x+y@ex.ample.org", "alice@ex.ample.org"],
  ])("%s counts as %s", (input, expected) => {
    expect(normalizeRateLimitEmail(input)).toBe(expected);
  });
});

describe("getClientIp", () => {
  afterEach(() => {
    setEnv({ TRUSTED_PROXIES: undefined });
  });

  test("without trusted proxies, takes the last entry (the front server's socket peer) and nothing a client adds", () => {
    expect(getClientIp(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(getClientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(getClientIp(new Headers({ "x-real-ip": "203.0.113.8" }))).toBe("unknown");
    expect(getClientIp(new Headers())).toBe("unknown");
  });

  test.each([
    ["10.0.0.0/8", "198.51.100.1, 203.0.113.7, 10.1.2.3", "203.0.113.7"],
    ["10.0.0.0/8", "203.0.113.7, 10.1.2.3, 10.9.9.9", "203.0.113.7"],
    ["10.0.0.0/8", "10.1.2.3, 10.9.9.9", "10.1.2.3"],
    ["192.0.2.10", "203.0.113.7, 192.0.2.10", "203.0.113.7"],
    ["192.0.2.10", "203.0.113.7, 192.0.2.11", "192.0.2.11"],
    ["::1, 127.0.0.1", "2001:db8::5, ::1", "2001:db8::5"],
    ["fd00::/8", "203.0.113.7, fd12::1", "203.0.113.7"],
    ["127.0.0.1", "203.0.113.7, ::ffff:127.0.0.1", "203.0.113.7"],
    ["127.0.0.1", "203.0.113.7, unknown", "unknown"],
  ])("with TRUSTED_PROXIES=%s, %s comes from %s", (proxies, forwarded, expected) => {
    setEnv({ TRUSTED_PROXIES: proxies });
    expect(getClientIp(new Headers({ "x-forwarded-for": forwarded }))).toBe(expected);
  });
});

describe("isTrustedProxy", () => {
  test.each([
    [["10.0.0.0/8"], "10.255.0.1", true],
    [["10.0.0.0/8"], "11.0.0.1", false],
    [["10.0.0.0/8"], "::ffff:10.0.0.1", true],
    [["2001:db8::/32"], "2001:db8:1::1", true],
    [["2001:db8::/32"], "2001:db9::1", false],
    [["127.0.0.1"], "not an address", false],
    [[], "127.0.0.1", false],
  ])("%j trusts %s: %s", (entries, address, expected) => {
    expect(isTrustedProxy(address, entries)).toBe(expected);
  });
});

describe("TRUSTED_PROXIES", () => {
  test("is empty by default and keeps each valid entry", () => {
    expect(parseEnv({ SECRET_KEY: "x".repeat(40) }).trustedProxies).toEqual([]);
    expect(parseEnv({ SECRET_KEY: "x".repeat(40), TRUSTED_PROXIES: " 10.0.0.0/8 , ::1,192.0.2.1/32 " }).trustedProxies).toEqual([
      "10.0.0.0/8",
      "::1",
      "192.0.2.1/32",
    ]);
  });

  test.each(["10.0.0.0/33", "proxy.example.org", "10.0.0.1/8/2", "::1/129", "10.0.0/8"])("refuses %s naming the variable", (value) => {
    expect(() => parseEnv({ SECRET_KEY: "x".repeat(40), TRUSTED_PROXIES: value })).toThrow(/^TRUSTED_PROXIES: /);
  });
});

describe("isSameOrigin", () => {
  test("passes same-host and Origin-less requests, refuses other sites", () => {
    expect(isSameOrigin(new Headers({ host: "vigil.example.org" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "vigil.example.org", origin: "https://vigil.example.org" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "127.0.0.1:8000", "x-forwarded-host": "vigil.example.org", origin: "https://vigil.example.org" }))).toBe(true);
    expect(isSameOrigin(new Headers({ host: "vigil.example.org", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOrigin(new Headers({ host: "vigil.example.org", origin: "null" }))).toBe(false);
  });
});

describe("safeNextPath", () => {
  test.each([
    ["/projects/x/checks?a=1", "/projects/x/checks?a=1"],
    ["/", "/"],
    ["//evil.example", null],
    ["/\\evil.example", null],
    ["https://evil.example/", null],
    ["projects", null],
    ["/a\nb", null],
    ["", null],
  ])("%s -> %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});

describe("sealed secrets", () => {
  afterEach(() => {
    setEnv({ SECRET_KEY: "test-secret-key" });
  });

  test("round-trip, differ each time, and never contain the value", () => {
    const a = sealSecret("JBSWY3DPEHPK3PXP", "totp-secret");
    const b = sealSecret("JBSWY3DPEHPK3PXP", "totp-secret");
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(isSealed(a)).toBe(true);
    expect(isSealed("JBSWY3DPEHPK3PXP")).toBe(false);
    expect(openSecret(a, "totp-secret")).toBe("JBSWY3DPEHPK3PXP");
  });

  test.each([
    ["another purpose", (sealed: string) => openSecret(sealed, "other")],
    ["an altered value", (sealed: string) => openSecret(sealed.slice(0, -2) + (sealed.endsWith("AA") ? "BB" : "AA"), "totp-secret")],
    ["a clear value", () => openSecret("JBSWY3DPEHPK3PXP", "totp-secret")],
    [
      "another SECRET_KEY",
      (sealed: string) => {
        setEnv({ SECRET_KEY: "another-secret-key" });
        return openSecret(sealed, "totp-secret");
      },
    ],
  ])("refuse to open under %s", (_name, open) => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "totp-secret");
    expect(() => open(sealed)).toThrow();
  });
});

describe("getSignInErrorMessage", () => {
  test("explains known codes and has a fallback", () => {
    expect(getSignInErrorMessage("Verification")).toMatch(/expired/);
    expect(getSignInErrorMessage("RateLimited")).toMatch(/too many attempts/i);
    expect(getSignInErrorMessage("Whatever")).toMatch(/try again/);
    expect(getSignInErrorMessage(null)).toBeNull();
  });
});
