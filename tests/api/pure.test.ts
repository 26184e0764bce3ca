import { describe, expect, test } from "vitest";
import { JsonFloat, slugify, toPythonJson } from "../../lib/compat/python";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { getBadgeUrl } from "../../lib/projects/keys";
import { hashPassword, verifyPassword } from "../../lib/auth/credentials";

// Expected values produced by the Python originals (django.utils.text.slugify, hashlib).
describe("slugify", () => {
  test.each([
    ["Hello World", "hello-world"],
    ["  --Foo__Bar--  ", "foo__bar"],
    ["Déjà vu!", "deja-vu"],
    ["a\x1cb", "a-b"],
    ["ÆØÅ ﬁ", "a-fi"],
    ["x_-_y", "x_-_y"],
    ["__a__", "a"],
    ["Tab\tand\nnewline", "tab-and-newline"],
    ["100% — done", "100-done"],
    ["İstanbul", "istanbul"],
  ])("slugifies %j as Django does", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe("unique keys and badges", () => {
  test("derives unique_key from the first 16 hex digits of the UUID", () => {
    expect(getUniqueKey("6c1b22fa-4b4e-4f4d-9f0e-0123456789ab")).toBe("0d567ee705e2379ea7bd1ea60ea0f13378f5ed8b");
  });

  test("quotes a tag in badge URLs twice, as Django's reverse() does", () => {
    expect(getBadgeUrl("badgekey123", "a/b é", "svg", true)).toBe(
      "http://localhost:8000/badge/badgekey123/vIJFD_wQ/a%252Fb%2520%25C3%25A9.svg",
    );
  });
});

describe("Python-style JSON", () => {
  test("uses Django's separators and escapes non-ASCII", () => {
    expect(toPythonJson({ a: [1, "é\u2028"], b: null, c: true, d: new JsonFloat(2) })).toBe(
      '{"a": [1, "\\u00e9\\u2028"], "b": null, "c": true, "d": 2.0}',
    );
  });
});

describe("passwords", () => {
  test("verifies a hashed password and rejects others", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong", hash)).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});
