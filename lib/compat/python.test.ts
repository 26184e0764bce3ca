// Expected values are what the Python originals print (CPython 3.11: urllib.parse, json, str,
// datetime; Django's slugify), so a change that drifts from Healthchecks' bytes fails here.
import { describe, expect, test } from "vitest";
import {
  compareCodePoints,
  formatIso,
  formatIsoMicro,
  formatPythonFloat,
  JsonFloat,
  quotePlusPython,
  quotePython,
  slugify,
  splitWhitespace,
  stripWhitespace,
  toPythonJson,
  unquotePython,
} from "./python";

describe("str.split() and str.strip()", () => {
  test.each([
    ["  a \x1c b\x85c\u3000d\ufeff ", ["a", "b", "c", "d\ufeff"], "a \x1c b\x85c\u3000d\ufeff"],
    ["\t\n", [], ""],
    // U+200B is not whitespace to Python; U+FEFF is whitespace only to JavaScript.
    ["x\u200by", ["x\u200by"], "x\u200by"],
    ["\ufeffx\ufeff", ["\ufeffx\ufeff"], "\ufeffx\ufeff"],
    ["0 12 * * 1\x1f", ["0", "12", "*", "*", "1"], "0 12 * * 1"],
  ])("splits and strips %j as Python does", (input, split, strip) => {
    expect(splitWhitespace(input)).toEqual(split);
    expect(stripWhitespace(input)).toBe(strip);
  });
});

describe("string order", () => {
  test("sorts by code point, as Python's sorted() does", () => {
    expect(["b", "a", "😀", "\uffff", "ab", "", "B"].sort(compareCodePoints)).toEqual(["", "B", "a", "ab", "b", "\uffff", "😀"]);
  });

  test.each([
    ["a", "a", 0],
    ["a", "ab", -1],
    ["ab", "a", 1],
    ["😀", "\uffff", 1],
    ["\ud800", "\ud800", 0],
  ])("compares %j with %j", (a, b, sign) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });
});

describe("float formatting", () => {
  test.each([
    [29, "29.0"],
    [15.5, "15.5"],
    [0, "0.0"],
    [-2, "-2.0"],
    [0.1, "0.1"],
  ])("str(%d) is %s", (n, text) => {
    expect(formatPythonFloat(n)).toBe(text);
  });
});

describe("Django's JSON", () => {
  test("uses Django's separators and escapes non-ASCII", () => {
    expect(toPythonJson({ a: [1, "é\u2028"], b: null, c: true, d: new JsonFloat(2), e: new JsonFloat(1.5), f: "\x7f\x1f😀" })).toBe(
      '{"a": [1, "\\u00e9\\u2028"], "b": null, "c": true, "d": 2.0, "e": 1.5, "f": "\\u007f\\u001f\\ud83d\\ude00"}',
    );
  });

  test("leaves out undefined members and writes an empty object and list compactly", () => {
    expect(toPythonJson({ a: undefined, b: {}, c: [] })).toBe('{"b": {}, "c": []}');
  });

  test("refuses values JSON cannot hold", () => {
    expect(() => toPythonJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe("urllib.parse.quote, quote_plus and unquote", () => {
  test.each([
    ["a/b é", "a%2Fb%20%C3%A9", "a/b%20%C3%A9", "a%2Fb+%C3%A9"],
    ["-_.~!*'()", "-_.~%21%2A%27%28%29", "-_.~%21%2A%27%28%29", "-_.~%21%2A%27%28%29"],
    ["Hello World", "Hello%20World", "Hello%20World", "Hello+World"],
    ["ā&?=#", "%C4%81%26%3F%3D%23", "%C4%81%26%3F%3D%23", "%C4%81%26%3F%3D%23"],
    ["\x01", "%01", "%01", "%01"],
    ["100%", "100%25", "100%25", "100%25"],
    ["😀", "%F0%9F%98%80", "%F0%9F%98%80", "%F0%9F%98%80"],
  ])("quotes %j", (input, quoteNoSafe, quoteSlashSafe, quotePlus) => {
    expect(quotePython(input)).toBe(quoteNoSafe);
    expect(quotePython(input, "/")).toBe(quoteSlashSafe);
    expect(quotePlusPython(input)).toBe(quotePlus);
  });

  test("quotes a lone surrogate as U+FFFD instead of throwing", () => {
    expect(quotePython("a\ud800")).toBe("a%EF%BF%BD");
  });

  test.each([
    ["a%2Fb%20%C3%A9", "a/b é"],
    ["%zz%2", "%zz%2"],
    ["%FFx", "\uFFFDx"],
    ["%EF%BB%BFx", "\uFEFFx"],
    ["%e2%82%ac", "€"],
    ["a+b", "a+b"],
  ])("unquotes %j", (input, expected) => {
    expect(unquotePython(input)).toBe(expected);
  });

  test("strict unquoting throws on bytes that are not UTF-8", () => {
    expect(() => unquotePython("%FF", true)).toThrow();
    expect(unquotePython("%C3%A9", true)).toBe("é");
  });
});

describe("isoformat", () => {
  test.each([
    ["2026-01-01T10:00:00.123Z", "2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00.123000+00:00"],
    ["2026-01-01T10:00:00.000Z", "2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00+00:00"],
    ["2026-01-01T10:00:00.007Z", "2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00.007000+00:00"],
  ])("formats %s", (iso, seconds, micro) => {
    expect(formatIso(new Date(iso))).toBe(seconds);
    expect(formatIsoMicro(new Date(iso))).toBe(micro);
  });

  test("keeps null", () => {
    expect(formatIso(null)).toBeNull();
  });
});

describe("Django's slugify", () => {
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
    ["a\x85b", "ab"],
    ["Ünïcödé ½", "unicode-12"],
  ])("slugifies %j as Django does", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});
