import { describe, expect, test } from "vitest";
import { AppError } from "../errors";
import { parseCustomDomain, parsePageSpec, parseSlug, parseTimeZone } from "./page-spec";
import { newStatusCode, CODE_PATTERN } from "./events";

const HOST = "vigil.example.org";
const UUID = "5f0a2f4e-8a57-4a3c-9c4e-0d6f1b2a3c4d";

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("did not throw");
}

describe("slugs", () => {
  test.each(["a", "my-service", "x1", "a".repeat(63), "0-0"])("accepts %s", (slug) => {
    expect(parseSlug(slug)).toBe(slug);
  });
  test.each(["", "-a", "a-", "A", "a_b", "a.b", "a b", "a".repeat(64), "ü"])("refuses %j with a message saying what is allowed", (slug) => {
    const err = errorOf(() => parseSlug(slug));
    expect(err).toMatchObject({ code: "bad_request", field: "slug" });
    expect(err.status).toBe(400);
  });
  test.each(["api", "admin", "static"])("refuses the reserved word %s", (slug) => {
    expect(errorOf(() => parseSlug(slug)).message).toContain("reserved");
  });
});

describe("time zones", () => {
  test.each([
    ["UTC", "UTC"],
    ["Europe/Riga", "Europe/Riga"],
    ["America/New_York", "America/New_York"],
  ])("accepts %s", (zone, canonical) => {
    expect(parseTimeZone(zone)).toBe(canonical);
  });
  test.each(["Mars/Olympus", "", "+25:00"])("refuses %j", (zone) => {
    expect(errorOf(() => parseTimeZone(zone))).toMatchObject({ field: "time_zone" });
  });
});

describe("custom domains", () => {
  test.each([
    ["status.example.com", "status.example.com"],
    ["Status.Example.COM", "status.example.com"],
    ["status.example.com.", "status.example.com"],
    ["", null],
    [null, null],
  ])("reads %j as %j", (input, expected) => {
    expect(parseCustomDomain(input, HOST)).toBe(expected);
  });
  test.each(["status.example.com:8080", "https://status.example.com", "status.example.com/x", "localhost", "1.2.3.4", "-a.example.com", 5])(
    "refuses %j",
    (input) => {
      expect(errorOf(() => parseCustomDomain(input, HOST))).toMatchObject({ code: "bad_request", field: "custom_domain" });
    },
  );
  test("refuses the instance's own host", () => {
    expect(errorOf(() => parseCustomDomain("VIGIL.example.org", HOST)).message).toContain("own host");
  });
});

describe("page specs", () => {
  const valid = { slug: "acme", title: "Acme status" };

  test("fills defaults for a new page and leaves out what an update does not give", () => {
    expect(parsePageSpec(valid, { siteHost: HOST })).toEqual({ slug: "acme", title: "Acme status", components: [] });
    expect(parsePageSpec({ description: "hi" }, { partial: true, siteHost: HOST })).toEqual({ description: "hi" });
  });

  test.each([
    [{ slug: "acme" }, "title"],
    [{ ...valid, title: "   " }, "title"],
    [{ ...valid, title: "x".repeat(101) }, "title"],
    [{ ...valid, description: "x".repeat(2001) }, "description"],
    [{ ...valid, description: 5 }, "description"],
    [{ ...valid, logo_url: "ftp://example.org/logo.png" }, "logo_url"],
    [{ ...valid, logo_url: "not a url" }, "logo_url"],
    [{ ...valid, theme: "pink" }, "theme"],
    [{ ...valid, access: "secret" }, "access"],
    [{ ...valid, time_zone: "Nowhere/Land" }, "time_zone"],
    [{ ...valid, password: "short" }, "password"],
    [{ ...valid, password: 12345678 }, "password"],
    [{ ...valid, auto_incidents: "yes" }, "auto_incidents"],
    [{ ...valid, components: {} }, "components"],
    [{ ...valid, components: [{ check: "nope" }] }, "components"],
    [{ ...valid, components: [{ check: UUID }, { check: UUID }] }, "components"],
    [{ ...valid, components: [{ check: UUID, name: "x".repeat(101) }] }, "components"],
    [{ ...valid, components: Array.from({ length: 101 }, (_, i) => ({ check: UUID.slice(0, -3) + String(i).padStart(3, "0") })) }, "components"],
    [{ ...valid, slug: 7 }, "slug"],
  ])("refuses %j naming %s", (input, field) => {
    expect(errorOf(() => parsePageSpec(input, { siteHost: HOST }))).toMatchObject({ code: "bad_request", field });
  });

  test("reads every field in the API's names", () => {
    expect(
      parsePageSpec(
        {
          ...valid,
          description: " About us ",
          logo_url: "https://example.org/logo.png",
          theme: "dark",
          time_zone: "Europe/Riga",
          custom_domain: "Status.Acme.com",
          access: "password",
          password: "correct horse",
          auto_incidents: true,
          components: [{ check: UUID, name: " API ", group: "Backend" }, { check: UUID.replace("5f", "6f") }],
        },
        { siteHost: HOST },
      ),
    ).toEqual({
      slug: "acme",
      title: "Acme status",
      description: "About us",
      logoUrl: "https://example.org/logo.png",
      theme: "dark",
      timeZone: "Europe/Riga",
      customDomain: "status.acme.com",
      access: "password",
      password: "correct horse",
      autoIncidents: true,
      components: [
        { check: UUID, name: "API", description: "", group: "Backend" },
        { check: UUID.replace("5f", "6f"), name: null, description: "", group: "" },
      ],
    });
  });
});

test("public codes are 12 lowercase base36 characters and differ", () => {
  const codes = new Set(Array.from({ length: 200 }, newStatusCode));
  expect(codes.size).toBe(200);
  for (const code of codes) expect(code).toMatch(CODE_PATTERN);
});
