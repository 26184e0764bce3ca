import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { call } from "../api/fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createStatusFixtures, type StatusFixtures } from "./fixtures";

const BASE = "/api/v3/status-pages/";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/;

forEachDatabase(() => {
  let fx: StatusFixtures;

  beforeEach(async () => {
    await resetDatabase();
    fx = await createStatusFixtures();
  });

  const createPage = async (body: Record<string, unknown> = {}) => {
    const res = await call("POST", BASE, {
      key: fx.rwKey,
      body: { slug: "acme", title: "Acme", description: "All of it", components: [{ check: fx.api.code, name: "Public API", group: "Core" }], ...body },
    });
    return { res, json: (await res.json()) as Record<string, unknown> & { id: string } };
  };

  describe("pages", () => {
    test("POST creates a page: 201 with the full page and never the password", async () => {
      const { res, json } = await createPage({ access: "password", password: "open sesame", theme: "dark" });
      expect(res.status).toBe(201);
      expect(res.headers.get("Content-Type")).toBe("application/json");
      expect(Object.keys(json)).toEqual([
        "id", "slug", "url", "title", "description", "logo_url", "theme", "time_zone", "custom_domain", "access", "auto_incidents", "components", "created_at", "updated_at",
      ]);
      expect(json).toMatchObject({
        id: expect.stringMatching(/^[0-9a-z]{12}$/),
        slug: "acme",
        url: "http://localhost:8000/status/acme",
        title: "Acme",
        theme: "dark",
        access: "password",
        custom_domain: null,
        auto_incidents: false,
        components: [{ id: expect.stringMatching(/^[0-9a-z]{12}$/), check: fx.api.code, name: "Public API", description: "", group: "Core", position: 0 }],
        created_at: expect.stringMatching(ISO),
      });
      expect(JSON.stringify(json)).not.toContain("sesame");
      expect(JSON.stringify(json)).not.toContain("scrypt");
    });

    test("GET lists the project's pages and reads one; read-only keys may read", async () => {
      const { json: page } = await createPage();
      const list = await call("GET", BASE, { key: fx.roKey });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { status_pages: { id: string }[] }).status_pages.map((p) => p.id)).toEqual([page.id]);
      const one = await call("GET", `${BASE}${page.id}`, { key: fx.roKey });
      expect(await one.json()).toEqual(page);
      const noSlash = await call("GET", `/api/v3/status-pages`, { key: fx.rwKey });
      expect(noSlash.status).toBe(200);
    });

    test("writes with a read-only key are 401, without a key 401, another project's page 403, unknown 404", async () => {
      const { json: page } = await createPage();
      expect((await call("POST", BASE, { key: fx.roKey, body: { slug: "x", title: "x" } })).status).toBe(401);
      expect(await (await call("POST", `${BASE}${page.id}`, { key: fx.roKey, body: { title: "x" } })).json()).toEqual({ error: "wrong api key" });
      expect((await call("DELETE", `${BASE}${page.id}`, { key: fx.roKey })).status).toBe(401);
      expect((await call("GET", BASE)).status).toBe(401);
      for (const [method, path] of [["GET", ""], ["POST", ""], ["DELETE", ""], ["GET", "/incidents"], ["POST", "/incidents"], ["GET", "/maintenances"]] as const) {
        const res = await call(method, `${BASE}${page.id}${path}`, { key: fx.charlieKey, body: method === "POST" ? { name: "x" } : undefined });
        expect([method, path, res.status, await res.text()]).toEqual([method, path, 403, ""]);
      }
      const unknown = await call("GET", `${BASE}000000000000`, { key: fx.rwKey });
      expect([unknown.status, await unknown.text()]).toEqual([404, ""]);
      expect((await call("GET", `/api/v1/status-pages/${page.id}`, { key: fx.rwKey }).catch(() => null))).toBeNull();
      expect(await getDb().statusPage.findUniqueOrThrow({ where: { code: page.id } })).toMatchObject({ title: "Acme" });
    });

    test("bad input is a 400 saying what is wrong", async () => {
      await createPage();
      const cases: [unknown, string][] = [
        ["{not json", "could not parse request body"],
        [{ slug: "acme", title: "Again" }, 'slug "acme" is already taken'],
        [{ slug: "Bad Slug", title: "x" }, "slug may contain only lowercase letters, digits and hyphens, must start and end with a letter or digit, and be at most 63 characters"],
        [{ slug: "api", title: "x" }, 'slug "api" is reserved; please choose another'],
        [{ slug: "ok", title: 5 }, "title is not a string"],
        [{ slug: "ok", title: "x", theme: "neon" }, "theme must be one of: system, light, dark"],
        [{ slug: "ok", title: "x", components: [{ check: fx.charliesCheck.code }] }, `check ${fx.charliesCheck.code} is not in this project`],
        [{ slug: "ok", title: "x", custom_domain: "localhost:8000" }, "custom_domain must be a host name such as status.example.org, without scheme, port or path"],
      ];
      for (const [body, message] of cases) {
        const res = await call("POST", BASE, { key: fx.rwKey, body });
        expect([res.status, await res.json()]).toEqual([400, { error: message }]);
      }
    });

    test("POST /<id> updates what it names and keeps component ids; DELETE answers with the page", async () => {
      const { json: page } = await createPage();
      const componentId = (page.components as { id: string }[])[0].id;
      const res = await call("POST", `${BASE}${page.id}`, {
        key: fx.rwKey,
        // The list is the whole new list: a component given without a name shows its check's.
        body: { title: "Acme Inc.", components: [{ check: fx.backups.code }, { check: fx.api.code }] },
      });
      expect(res.status).toBe(200);
      const updated = (await res.json()) as { title: string; description: string; components: { id: string; name: string }[] };
      expect(updated).toMatchObject({ title: "Acme Inc.", description: "All of it" });
      expect(updated.components.map((c) => c.name)).toEqual(["Backups", "API"]);
      expect(updated.components[1].id).toBe(componentId);
      const del = await call("DELETE", `${BASE}${page.id}`, { key: fx.rwKey });
      expect(await del.json()).toMatchObject({ id: page.id, title: "Acme Inc." });
      expect((await call("GET", `${BASE}${page.id}`, { key: fx.rwKey })).status).toBe(404);
    });
  });

  describe("incidents", () => {
    test("are created, updated through their lifecycle and deleted", async () => {
      const { json: page } = await createPage();
      const created = await call("POST", `${BASE}${page.id}/incidents`, {
        key: fx.rwKey,
        body: { name: "Errors on the API", status: "investigating", impact: "major", body: "We are looking into it.", components: { [fx.api.code]: "major_outage" } },
      });
      expect(created.status).toBe(201);
      const incident = (await created.json()) as Record<string, unknown> & { id: string };
      expect(Object.keys(incident)).toEqual([
        "id", "name", "status", "impact", "auto", "created_at", "updated_at", "started_at", "monitoring_at", "resolved_at", "incident_updates", "components",
      ]);
      expect(incident).toMatchObject({
        name: "Errors on the API",
        status: "investigating",
        impact: "major",
        monitoring_at: null,
        resolved_at: null,
        incident_updates: [
          {
            id: expect.stringMatching(/^[0-9a-z]{12}$/),
            status: "investigating",
            body: "We are looking into it.",
            created_at: expect.stringMatching(ISO),
            display_at: expect.stringMatching(ISO),
            affected_components: [{ code: (page.components as { id: string }[])[0].id, name: "Public API", old_status: "operational", new_status: "major_outage" }],
          },
        ],
        components: [{ check: fx.api.code, name: "Public API", status: "major_outage" }],
      });
      const path = `${BASE}${page.id}/incidents/${incident.id}`;
      for (const status of ["identified", "monitoring", "resolved"]) {
        const res = await call("POST", `${path}/updates`, { key: fx.rwKey, body: { status, body: `Now ${status}.` } });
        expect(res.status).toBe(201);
      }
      const done = (await (await call("GET", path, { key: fx.roKey })).json()) as Record<string, unknown> & { incident_updates: { status: string }[] };
      expect(done).toMatchObject({ status: "resolved", monitoring_at: expect.stringMatching(ISO), resolved_at: expect.stringMatching(ISO), components: [{ status: "operational" }] });
      expect(done.incident_updates.map((u) => u.status)).toEqual(["resolved", "monitoring", "identified", "investigating"]);

      const renamed = await call("POST", path, { key: fx.rwKey, body: { name: "API outage", impact: "critical" } });
      expect(await renamed.json()).toMatchObject({ name: "API outage", impact: "critical", status: "resolved" });
      const list = (await (await call("GET", `${BASE}${page.id}/incidents?limit=10`, { key: fx.roKey })).json()) as { incidents: { id: string }[] };
      expect(list.incidents.map((i) => i.id)).toEqual([incident.id]);
      expect((await getDb().statusEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.kind)).toEqual([
        "incident_created", "incident_updated", "incident_updated", "incident_resolved",
      ]);
      expect(await (await call("DELETE", path, { key: fx.rwKey })).json()).toMatchObject({ id: incident.id });
      expect((await call("GET", path, { key: fx.rwKey })).status).toBe(404);
    });

    test("bad input and wrong places are 400 and 404", async () => {
      const { json: page } = await createPage();
      const post = (body: unknown) => call("POST", `${BASE}${page.id}/incidents`, { key: fx.rwKey, body });
      expect(await (await post({ status: "investigating" })).json()).toEqual({ error: "name is required" });
      expect(await (await post({ name: "x", status: "fixed" })).json()).toEqual({ error: "status must be one of: investigating, identified, monitoring, resolved, postmortem" });
      expect(await (await post({ name: "x", components: { [fx.backups.code]: "major_outage" } })).json()).toEqual({ error: `check ${fx.backups.code} is not a component of this page` });
      expect((await post({ name: "x", impact: 3 })).status).toBe(400);
      expect((await call("GET", `${BASE}${page.id}/incidents?limit=0`, { key: fx.rwKey })).status).toBe(400);
      const incident = (await (await post({ name: "x" })).json()) as { id: string };
      const other = await call("POST", BASE, { key: fx.rwKey, body: { slug: "other", title: "Other" } });
      const otherId = ((await other.json()) as { id: string }).id;
      expect((await call("GET", `${BASE}${otherId}/incidents/${incident.id}`, { key: fx.rwKey })).status).toBe(404);
      expect((await call("GET", `${BASE}${page.id}/maintenances/${incident.id}`, { key: fx.rwKey })).status).toBe(404);
      expect((await call("POST", `${BASE}${page.id}/incidents/${incident.id}/updates`, { key: fx.rwKey, body: { status: "completed" } })).status).toBe(400);
      expect((await call("POST", `${BASE}${page.id}/incidents/${incident.id}/updates`, { key: fx.roKey, body: { status: "resolved" } })).status).toBe(401);
    });
  });

  describe("maintenances", () => {
    test("are scheduled, changed, completed early and deleted", async () => {
      const { json: page } = await createPage();
      const created = await call("POST", `${BASE}${page.id}/maintenances`, {
        key: fx.rwKey,
        body: { name: "Database upgrade", body: "A few minutes.", scheduled_for: "2030-01-01T02:00:00Z", scheduled_until: "2030-01-01T04:00:00+00:00", components: [fx.api.code] },
      });
      expect(created.status).toBe(201);
      const m = (await created.json()) as Record<string, unknown> & { id: string };
      expect(m).toMatchObject({
        name: "Database upgrade",
        status: "scheduled",
        impact: "maintenance",
        scheduled_for: "2030-01-01T02:00:00+00:00",
        scheduled_until: "2030-01-01T04:00:00+00:00",
        components: [{ check: fx.api.code, status: "under_maintenance" }],
      });
      const path = `${BASE}${page.id}/maintenances/${m.id}`;
      const changed = await call("POST", path, { key: fx.rwKey, body: { scheduled_until: "2030-01-01T05:00:00Z" } });
      expect(await changed.json()).toMatchObject({ scheduled_until: "2030-01-01T05:00:00+00:00", status: "scheduled" });
      const bad = await call("POST", path, { key: fx.rwKey, body: { scheduled_until: "2029-12-31T00:00:00Z" } });
      expect([bad.status, await bad.json()]).toEqual([400, { error: "scheduled_until must be after scheduled_for" }]);
      const list = (await (await call("GET", `${BASE}${page.id}/maintenances`, { key: fx.roKey })).json()) as { scheduled_maintenances: { id: string }[] };
      expect(list.scheduled_maintenances.map((x) => x.id)).toEqual([m.id]);
      const completed = await call("POST", path, { key: fx.rwKey, body: { status: "completed" } });
      expect(await completed.json()).toMatchObject({ status: "completed", resolved_at: expect.stringMatching(ISO), components: [{ status: "operational" }] });
      expect((await call("DELETE", path, { key: fx.roKey })).status).toBe(401);
      expect((await call("DELETE", path, { key: fx.rwKey })).status).toBe(200);
      expect(await getDb().statusIncident.count()).toBe(0);
    });

    test("bad times and missing components are 400", async () => {
      const { json: page } = await createPage();
      const post = (body: unknown) => call("POST", `${BASE}${page.id}/maintenances`, { key: fx.rwKey, body });
      const base = { name: "x", scheduled_for: "2030-01-01T02:00:00Z", scheduled_until: "2030-01-01T04:00:00Z", components: [fx.api.code] };
      expect(await (await post({ ...base, scheduled_for: "soon" })).json()).toEqual({ error: "scheduled_for is not an ISO 8601 date and time" });
      expect(await (await post({ ...base, components: [] })).json()).toEqual({ error: "a maintenance needs at least one component" });
      expect(await (await post({ ...base, scheduled_until: "2030-01-01T01:00:00Z" })).json()).toEqual({ error: "scheduled_until must be after scheduled_for" });
      expect((await post({ ...base, components: "all" })).status).toBe(400);
    });
  });
});
