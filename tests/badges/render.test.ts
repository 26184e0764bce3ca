// Badge drawing, bodies, signatures and URL parsing against outputs rendered by Healthchecks'
// own code (hc/lib/badges.py, templates/badge.svg, Django's base64_hmac, reverse() and URL
// resolver); fixtures/README.md says how they were made.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  getShieldsEndpointUrl,
  getTextWidth,
  renderBadgeJson,
  renderBadgeSvg,
  renderShieldsJson,
  summarizeBadgeStatuses,
  type BadgeStatus,
} from "../../lib/badges/render";
import { getCheckBadgeUrl, isBadgeSignatureValid, parseBadgePath } from "../../lib/badges/urls";
import { setEnv } from "../../lib/env";
import { getBadgeSignature, getBadgeUrl } from "../../lib/projects/keys";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as T;

afterEach(() => {
  setEnv({ SECRET_KEY: "test-secret-key", SITE_ROOT: undefined });
});

describe("text width", () => {
  test.each(Object.entries(readJson<Record<string, number>>("widths.json")))("measures %j as Healthchecks' get_width does", (text, width) => {
    expect(getTextWidth(text)).toBe(width);
  });

  test("counts characters missing from the table as 7 and an emoji once", () => {
    expect(getTextWidth("mm")).toBe(20);
    expect(getTextWidth("@")).toBe(7);
    expect(getTextWidth("😀")).toBe(7);
    expect(getTextWidth("constructor")).toBe(getTextWidth("c") + getTextWidth("onstructor"));
  });
});

describe("SVG badges", () => {
  const cases = readJson<{ file: string; label: string; status: BadgeStatus }[]>("svg/index.json");

  test.each(cases)("draws $label ($status) byte for byte as Healthchecks does", ({ file, label, status }) => {
    expect(renderBadgeSvg(label, status)).toBe(fs.readFileSync(path.join(FIXTURES, "svg", file), "utf8"));
  });

  test("writes text centres with a decimal point, whole ones as .0", () => {
    const svg = renderBadgeSvg("a", "up");
    expect(svg).toContain('<text x="8.5" y="14">a</text>');
    expect(svg).toContain('<text x="29.0" y="14">up</text>');
  });

  test("escapes the label and colours the status", () => {
    expect(renderBadgeSvg(`<&'">`, "late")).toContain(">&lt;&amp;&#x27;&quot;&gt;</text>");
    expect(renderBadgeSvg("x", "up")).toContain('fill="#4c1"');
    expect(renderBadgeSvg("x", "late")).toContain('fill="#fe7d37"');
    expect(renderBadgeSvg("x", "down")).toContain('fill="#e05d44"');
  });
});

describe("JSON and shields bodies", () => {
  test("writes the JSON badge with Django's spacing", () => {
    expect(renderBadgeJson({ status: "late", total: 3, grace: 1, down: 0 })).toBe('{"status": "late", "total": 3, "grace": 1, "down": 0}');
  });

  test("writes the shields.io endpoint body with its colour names and ASCII-escaped label", () => {
    expect(renderShieldsJson("prod", "up")).toBe('{"schemaVersion": 1, "label": "prod", "message": "up", "color": "success"}');
    expect(renderShieldsJson("prod-é", "late")).toBe('{"schemaVersion": 1, "label": "prod-\\u00e9", "message": "late", "color": "important"}');
    expect(renderShieldsJson("Ω", "down")).toBe('{"schemaVersion": 1, "label": "\\u03a9", "message": "down", "color": "critical"}');
  });
});

describe("status aggregation", () => {
  test.each([
    [[], true, { status: "up", total: 0, grace: 0, down: 0 }],
    [["up", "new", "paused"], true, { status: "up", total: 3, grace: 0, down: 0 }],
    [["up", "grace"], true, { status: "late", total: 2, grace: 1, down: 0 }],
    [["up", "grace"], false, { status: "up", total: 2, grace: 1, down: 0 }],
    [["grace", "down", "grace"], true, { status: "down", total: 3, grace: 2, down: 1 }],
    [["down", "down"], false, { status: "down", total: 2, grace: 0, down: 2 }],
  ] as const)("summarises %j (late shown: %s) as %j", (statuses, withLate, expected) => {
    expect(summarizeBadgeStatuses(statuses, withLate)).toEqual(expected);
  });
});

describe("signatures and URLs", () => {
  interface SignatureCase {
    secretKey: string;
    badgeKey: string;
    tag: string;
    base64Hmac: string;
    urls: Record<"svg" | "svg3" | "json" | "json3" | "shields" | "shields3", string>;
  }
  const cases = readJson<SignatureCase[]>("signatures.json");

  test.each(cases)("signs $tag for $badgeKey under SECRET_KEY $secretKey as Django's base64_hmac", (c) => {
    setEnv({ SECRET_KEY: c.secretKey });
    expect(getBadgeSignature(c.badgeKey, c.tag)).toBe(c.base64Hmac.slice(0, 8));
    expect(isBadgeSignatureValid(c.badgeKey, c.tag, c.base64Hmac)).toBe(true);
    expect(getBadgeUrl(c.badgeKey, c.tag, "svg", false)).toBe(c.urls.svg);
    expect(getBadgeUrl(c.badgeKey, c.tag, "svg", true)).toBe(c.urls.svg3);
    expect(getBadgeUrl(c.badgeKey, c.tag, "json", false)).toBe(c.urls.json);
    expect(getBadgeUrl(c.badgeKey, c.tag, "json", true)).toBe(c.urls.json3);
    expect(getBadgeUrl(c.badgeKey, c.tag, "shields", false)).toBe(c.urls.shields);
    expect(getBadgeUrl(c.badgeKey, c.tag, "shields", true)).toBe(c.urls.shields3);
  });

  test("verifies only the first 8 characters of a signature", () => {
    const sig = getBadgeSignature("key", "prod");
    expect(isBadgeSignatureValid("key", "prod", `${sig}-2`)).toBe(true);
    expect(isBadgeSignatureValid("key", "prod", `${sig}anything`)).toBe(true);
    expect(isBadgeSignatureValid("key", "prod", sig.slice(0, 7))).toBe(false);
    expect(isBadgeSignatureValid("key", "prod", `${sig.slice(0, 7)}${sig[7] === "A" ? "B" : "A"}`)).toBe(false);
    expect(isBadgeSignatureValid("key", "other", sig)).toBe(false);
    expect(isBadgeSignatureValid("other-key", "prod", sig)).toBe(false);
  });

  test("a different SECRET_KEY gives different signatures", () => {
    const sig = getBadgeSignature("key", "prod");
    setEnv({ SECRET_KEY: "another-secret" });
    expect(isBadgeSignatureValid("key", "prod", sig)).toBe(false);
  });

  test("builds per-check badge URLs under SITE_ROOT", () => {
    setEnv({ SITE_ROOT: "https://hc.example.org" });
    expect(getCheckBadgeUrl("c0000000-0000-4000-8000-000000000001", 3, "shields")).toBe(
      "https://hc.example.org/b/3/c0000000-0000-4000-8000-000000000001.shields",
    );
  });

  test.each(Object.entries(readJson<Record<string, string>>("shields-endpoints.json")))(
    "wraps %s for shields.io as Python's urlencode does",
    (url, expected) => {
      expect(getShieldsEndpointUrl(url)).toBe(expected);
    },
  );
});

describe("badge URL parsing", () => {
  const KEY = "b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b";
  const CHECK = "c0000000-0000-4000-8000-000000000002";

  test.each([
    [`/badge/${KEY}/y2Qecu-5-2/prod.svg`, { kind: "project", badgeKey: KEY, signature: "y2Qecu-5-2", tag: "prod", format: "svg" }],
    [`/badge/${KEY}/3VTUmj40.json`, { kind: "project", badgeKey: KEY, signature: "3VTUmj40", tag: "*", format: "json" }],
    [`/badge/${KEY}/XXsmEV57/a%252Fb.shields`, { kind: "project", badgeKey: KEY, signature: "XXsmEV57", tag: "a/b", format: "shields" }],
    [`/badge/${KEY}/NU2tZ5PX/prod-%25C3%25A9.svg`, { kind: "project", badgeKey: KEY, signature: "NU2tZ5PX", tag: "prod-é", format: "svg" }],
    [`/badge/${KEY}/NU2tZ5PX/prod-%C3%A9.svg`, { kind: "project", badgeKey: KEY, signature: "NU2tZ5PX", tag: "prod-é", format: "svg" }],
    [`/badge/${KEY}/sig/v1.2.json.svg`, { kind: "project", badgeKey: KEY, signature: "sig", tag: "v1.2.json", format: "svg" }],
    [`/badge/${KEY}/sig/%zz.png`, { kind: "project", badgeKey: KEY, signature: "sig", tag: "%zz", format: "png" }],
    [`/b/2/${CHECK}.svg`, { kind: "check", states: 2, badgeKey: CHECK, format: "svg" }],
    [`/b/03/${CHECK}.json`, { kind: "check", states: 3, badgeKey: CHECK, format: "json" }],
  ])("resolves %s", (p, expected) => {
    expect(parseBadgePath(p)).toEqual(expected);
  });

  test.each([
    `/badge/${KEY}/sig/pr%2Fod.json`,
    `/badge/${KEY}/sig/a%20b.json`,
    `/badge/${KEY}/sig/prod`,
    `/badge/${KEY}/sig/prod.json/`,
    `/badge/${KEY}/si.g/prod.json`,
    `/badge/${KEY}/sig/%FF.json`,
    `/badge/${KEY}.svg`,
    `/b/x/${CHECK}.json`,
    `/b/3/${CHECK.toUpperCase()}.json`,
    `/b/3/${CHECK}`,
    `/b/3/${CHECK}.json/`,
    "/ping/abc",
  ])("finds no route for %s", (p) => {
    expect(parseBadgePath(p)).toBeNull();
  });
});
