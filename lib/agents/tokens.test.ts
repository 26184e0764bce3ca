import { describe, expect, test } from "vitest";
import { AGENT_TOKEN_PREFIX, generateAgentToken, hashAgentToken, isAgentTokenShape, isSameTokenHash, readBearerToken } from "./tokens";

describe("agent tokens", () => {
  test("a new token has the recognisable prefix, 256 random bits, and a different value each time", () => {
    const a = generateAgentToken();
    expect(a.startsWith(AGENT_TOKEN_PREFIX)).toBe(true);
    expect(isAgentTokenShape(a)).toBe(true);
    expect(generateAgentToken()).not.toBe(a);
  });

  test("the stored hash is SHA-256 hex and never the token", () => {
    expect(hashAgentToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(isSameTokenHash(hashAgentToken("abc"), hashAgentToken("abc"))).toBe(true);
    expect(isSameTokenHash(hashAgentToken("abc"), hashAgentToken("abd"))).toBe(false);
  });

  test.each([
    ["Bearer vga_abc", "vga_abc"],
    ["bearer  vga_abc ", "vga_abc"],
    ["Basic dXNlcg==", null],
    ["Bearer", null],
    [undefined, null],
  ])("reads the bearer token of %j", (header, token) => {
    expect(readBearerToken(header)).toBe(token);
  });

  test("tokens of another shape are refused before any lookup", () => {
    for (const t of ["", "vga_", "abc", `vga_${"a".repeat(42)}`, `hc_${"a".repeat(43)}`]) expect(isAgentTokenShape(t)).toBe(false);
  });
});
