import { beforeEach, describe, expect, test } from "vitest";
import { handleApiRequest } from "../../lib/api/router";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertCheck, ORIGIN, type Fixture } from "./fixtures";

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  describe("API keys", () => {
    test("answers 401 missing api key without a key", async () => {
      const res = await call("GET", "/api/v3/checks/");
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('{"error": "missing api key"}');
      expect(res.headers.get("Content-Type")).toBe("application/json");
    });

    test("treats a key that is not 32 characters as missing", async () => {
      for (const key of ["", "short", fx.rwKey + "x"]) {
        const res = await call("GET", "/api/v3/checks/", { headers: { "X-Api-Key": key } });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: "missing api key" });
      }
    });

    test("answers 401 wrong api key for an unknown 32-character key", async () => {
      const res = await call("GET", "/api/v3/checks/", { key: "hcw_" + "a".repeat(28) });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "wrong api key" });
    });

    test("generates hcw_ and hcr_ keys of 32 URL-safe characters without - or _", () => {
      expect(fx.rwKey).toMatch(/^hcw_[A-Za-z0-9]{28}$/);
      expect(fx.roKey).toMatch(/^hcr_[A-Za-z0-9]{28}$/);
    });

    test("stores only the hashed form of keys", async () => {
      const project = await getDb().project.findUniqueOrThrow({ where: { id: fx.project.id } });
      expect(project.apiKey).toMatch(new RegExp(`^${fx.rwKey.slice(0, 8)}\\.[0-9a-f]{64}$`));
      expect(project.apiKeyReadonly.startsWith(fx.roKey.slice(0, 8) + ".")).toBe(true);
      expect(project.apiKey).not.toContain(fx.rwKey);
    });

    test("accepts the read-write key on read and write endpoints", async () => {
      expect((await call("GET", "/api/v3/checks/", { key: fx.rwKey })).status).toBe(200);
      expect((await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: {} })).status).toBe(201);
    });

    test("accepts the read-only key on read endpoints only", async () => {
      expect((await call("GET", "/api/v3/checks/", { key: fx.roKey })).status).toBe(200);
      expect((await call("GET", "/api/v3/badges/", { key: fx.roKey })).status).toBe(200);
      for (const [method, path] of [
        ["POST", "/api/v3/checks/"],
        ["GET", "/api/v3/channels/"],
      ]) {
        const res = await call(method, path, { key: fx.roKey });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: "wrong api key" });
      }
    });

    test("refuses the read-only key on pings, pause and delete", async () => {
      const check = await insertCheck(fx.project.id);
      for (const [method, path] of [
        ["GET", `/api/v3/checks/${check.code}/pings/`],
        ["POST", `/api/v3/checks/${check.code}/pause`],
        ["DELETE", `/api/v3/checks/${check.code}`],
      ]) {
        const res = await call(method, path, { key: fx.roKey });
        expect(res.status).toBe(401);
      }
    });

    test("accepts api_key in the JSON body of a POST", async () => {
      const res = await call("POST", "/api/v3/checks/", { body: { api_key: fx.rwKey, name: "Backups" } });
      expect(res.status).toBe(201);
      expect((await res.json()).name).toBe("Backups");
    });

    test("prefers the header over api_key in the body", async () => {
      const res = await call("POST", "/api/v3/checks/", {
        key: "x".repeat(32),
        body: { api_key: fx.rwKey },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "wrong api key" });
    });

    test("treats a non-string api_key in the body as missing", async () => {
      const res = await call("POST", "/api/v3/checks/", { body: { api_key: 12345 } });
      expect(await res.json()).toEqual({ error: "missing api key" });
    });

    test("accepts legacy clear-text keys stored before hashing", async () => {
      const rw = "L".repeat(32);
      const ro = "R".repeat(32);
      await getDb().project.update({ where: { id: fx.project.id }, data: { apiKey: rw, apiKeyReadonly: ro } });
      expect((await call("POST", "/api/v3/checks/", { key: rw, body: {} })).status).toBe(201);
      const list = await call("GET", "/api/v3/checks/", { key: ro });
      expect(list.status).toBe(200);
      expect((await list.json()).checks[0]).toHaveProperty("unique_key");
      expect((await call("POST", "/api/v3/checks/", { key: ro, body: {} })).status).toBe(401);
    });
  });

  describe("request bodies", () => {
    test("answers 400 could not parse request body for invalid JSON", async () => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: "{nope" });
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('{"error": "could not parse request body"}');
    });

    test("answers 400 could not parse request body for invalid UTF-8", async () => {
      const res = await handleApiRequest(
        new Request(`${ORIGIN}/api/v3/checks/`, {
          method: "POST",
          headers: { "X-Api-Key": fx.rwKey },
          body: new Uint8Array([0x7b, 0xff, 0x7d]),
        }),
      );
      expect(res?.status).toBe(400);
      expect(await res?.json()).toEqual({ error: "could not parse request body" });
    });

    test("answers 400 when the JSON is not an object", async () => {
      for (const body of ["[]", '"x"', "1", "null"]) {
        const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: "json validation error: value is not an object" });
      }
    });

    test("reports body errors before key errors, as Healthchecks does", async () => {
      const res = await call("POST", "/api/v3/checks/", { body: "{nope" });
      expect(res.status).toBe(400);
    });

    test("treats an empty POST body as an empty object", async () => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: "" });
      expect(res.status).toBe(201);
    });
  });

  describe("ownership and routing", () => {
    test("answers 403 with an empty body for another project's check", async () => {
      const other = await insertCheck(fx.otherProject.id);
      for (const [method, path] of [
        ["GET", `/api/v3/checks/${other.code}`],
        ["POST", `/api/v3/checks/${other.code}`],
        ["DELETE", `/api/v3/checks/${other.code}`],
        ["POST", `/api/v3/checks/${other.code}/pause`],
        ["POST", `/api/v3/checks/${other.code}/resume`],
        ["GET", `/api/v3/checks/${other.code}/pings/`],
        ["GET", `/api/v3/checks/${other.code}/pings/1/body`],
        ["GET", `/api/v3/checks/${other.code}/flips/`],
      ]) {
        const res = await call(method, path, { key: fx.rwKey });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(await res.text()).toBe("");
      }
      expect(await getDb().check.count({ where: { id: other.id } })).toBe(1);
    });

    test("answers 404 for an unknown check UUID", async () => {
      const res = await call("GET", `/api/v3/checks/${crypto.randomUUID()}`, { key: fx.rwKey });
      expect(res.status).toBe(404);
    });

    test("answers 405 for a method the route does not have", async () => {
      const check = await insertCheck(fx.project.id);
      for (const [method, path] of [
        ["PUT", "/api/v3/checks/"],
        ["POST", "/api/v3/badges/"],
        ["GET", `/api/v3/checks/${check.code}/pause`],
        ["POST", `/api/v3/checks/${"a".repeat(40)}`],
      ]) {
        const res = await call(method, path, { key: fx.rwKey });
        expect(res.status, `${method} ${path}`).toBe(405);
      }
    });

    test("serves every route with and without the trailing slash", async () => {
      const check = await insertCheck(fx.project.id);
      for (const path of ["/api/v3/checks", "/api/v3/checks/", `/api/v3/checks/${check.code}`, `/api/v3/checks/${check.code}/`]) {
        expect((await call("GET", path, { key: fx.rwKey })).status, path).toBe(200);
      }
      for (const path of [`/api/v3/checks/${check.code}/flips`, "/api/v1/badges", "/api/v2/channels"]) {
        expect((await call("GET", path, { key: fx.rwKey })).status, path).toBe(200);
      }
    });

    test("returns null for paths that are not API routes", async () => {
      for (const path of ["/", "/api/auth/session", "/api/v4/checks/", "/api/v3/unknown/", "/api/v3/checks/ABC"]) {
        expect(await handleApiRequest(new Request(`${ORIGIN}${path}`)), path).toBeNull();
      }
      const upper = crypto.randomUUID().toUpperCase();
      expect(await handleApiRequest(new Request(`${ORIGIN}/api/v3/checks/${upper}`))).toBeNull();
    });

    test("answers OK on status/ without a key", async () => {
      for (const v of [1, 2, 3]) {
        const res = await call("GET", `/api/v${v}/status/`);
        expect(res.status).toBe(200);
        expect(await res.text()).toBe("OK");
      }
    });
  });

  describe("CORS", () => {
    test("adds CORS headers to successful and failed responses", async () => {
      for (const res of [await call("GET", "/api/v3/checks/", { key: fx.rwKey }), await call("GET", "/api/v3/checks/")]) {
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(res.headers.get("Access-Control-Allow-Headers")).toBe("X-Api-Key");
        expect(res.headers.get("Access-Control-Allow-Methods")).toBe("GET, POST, OPTIONS");
        expect(res.headers.get("Access-Control-Max-Age")).toBe("600");
      }
    });

    test("answers OPTIONS preflights with 204 and no authentication", async () => {
      const check = await insertCheck(fx.project.id);
      const res = await call("OPTIONS", `/api/v3/checks/${check.code}`);
      expect(res.status).toBe(204);
      expect(res.headers.get("Access-Control-Allow-Methods")).toBe("GET, POST, DELETE, OPTIONS");
      expect(await res.text()).toBe("");
    });
  });
});
