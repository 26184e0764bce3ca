import { describe, expect, test } from "vitest";
import { getClientIp } from "../../lib/auth/get-client-ip";
import { isSameOrigin } from "../../lib/auth/is-same-origin";
import { safeNextPath } from "../../lib/auth/safe-next-path";
import { getSignInErrorMessage } from "../../lib/auth/sign-in-errors";
import { normalizeRateLimitEmail } from "../../lib/rate-limit/normalize-rate-limit-email";

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
  test("takes the entry the nearest proxy appended", () => {
    expect(getClientIp(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(getClientIp(new Headers({ "x-real-ip": "203.0.113.8" }))).toBe("203.0.113.8");
    expect(getClientIp(new Headers())).toBe("unknown");
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

describe("getSignInErrorMessage", () => {
  test("explains known codes and has a fallback", () => {
    expect(getSignInErrorMessage("Verification")).toMatch(/expired/);
    expect(getSignInErrorMessage("RateLimited")).toMatch(/too many attempts/i);
    expect(getSignInErrorMessage("Whatever")).toMatch(/try again/);
    expect(getSignInErrorMessage(null)).toBeNull();
  });
});
