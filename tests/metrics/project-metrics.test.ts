// The per-project Prometheus endpoint through a running front server over HTTP, on
// SQLite and PostgreSQL. fixtures/project-metrics.txt was produced by Healthchecks' own metrics
// view logic (hc/integrations/prometheus/views.py) fed the checks created below, so the test
// holds Vigil to Healthchecks' output byte for byte: families, order, escaping, tag sorting.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { SYSTEM } from "../../lib/auth/actor";
import { createApiKey } from "../../lib/projects/create-api-key";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "project-metrics.txt"), "utf8");
const MINUTE = 60_000;

/** The fixture's checks, in id order; codes are fixed because unique_key derives from them. */
async function createFixtureChecks(projectId: number): Promise<void> {
  const now = Date.now();
  const ago = (ms: number) => new Date(now - ms);
  const code = (n: number) => `${(n * 0x1111111).toString(16).padStart(8, "0")}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, "0")}`;
  await createCheck(projectId, { code: code(1), name: "Alice Was Here", tags: "foo", status: "up", lastPing: ago(MINUTE) });
  // Quotes, a backslash and newlines in the name and tags; stored down.
  await createCheck(projectId, { code: code(2), name: 'Line 1\nLine "2" \\ end', tags: 'A\\C "quoted" foo new\nline', status: "down", lastPing: ago(2 * 86400_000) });
  // Period 10 min + grace 10 min, pinged 15 min ago: in its grace period ("late").
  await createCheck(projectId, { code: code(3), name: "In grace", tags: "bar", status: "up", timeout: 600, grace: 600, lastPing: ago(15 * MINUTE) });
  await createCheck(projectId, { code: code(4), name: "Paused", tags: "bar  baz ", status: "paused" });
  // Started a minute ago with an hour of grace: running, still new.
  await createCheck(projectId, { code: code(5), name: "Running", status: "new", lastStart: ago(MINUTE) });
  // Started two hours ago with an hour of grace: down although the stored status is up. Its
  // tags sort differently by code point (Python) and by UTF-16 unit (JS's default).
  await createCheck(projectId, { code: code(6), name: "Ran too long", tags: "\uff01 \u{1F600} \u00e9", status: "up", lastPing: ago(5 * MINUTE), lastStart: ago(120 * MINUTE) });
  await createCheck(projectId, { code: code(7), name: "", tags: "", status: "new" });
}

forEachDatabase(() => {
  let server: FrontServer;
  let base: string;
  let project: { id: number; code: string };
  let otherProjectCode: string;
  let readOnlyKey: string;
  let readWriteKey: string;

  beforeAll(async () => {
    // A stand-in for Next, to see which requests the front server leaves to the web app.
    server = await startFrontServer({
      port: 0,
      host: "127.0.0.1",
      next: async (req, res) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end(`next ${req.url}`);
      },
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    const fixtures = await createFixtures();
    project = fixtures.project;
    otherProjectCode = fixtures.charliesProject.code;
    readOnlyKey = await createApiKey({ actor: SYSTEM, projectCode: project.code, readOnly: true });
    readWriteKey = await createApiKey({ actor: SYSTEM, projectCode: project.code, readOnly: false });
  });

  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${base}${p}`, { headers });

  test("the endpoint answers Healthchecks' exposition byte for byte, escaping and tag order included", async () => {
    await createFixtureChecks(project.id);
    const res = await get(`/projects/${project.code}/metrics/${readOnlyKey}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(await res.text()).toBe(FIXTURE);
  });

  test("the legacy checks/metrics path and the Bearer form answer the same body", async () => {
    await createFixtureChecks(project.id);
    const legacy = await get(`/projects/${project.code}/checks/metrics/${readOnlyKey}`);
    expect(legacy.status).toBe(200);
    expect(await legacy.text()).toBe(FIXTURE);
    const bearer = await get(`/projects/${project.code}/metrics/`, { Authorization: `Bearer ${readOnlyKey}` });
    expect(bearer.status).toBe(200);
    expect(await bearer.text()).toBe(FIXTURE);
  });

  test("a project without checks reports zero totals and no series", async () => {
    const body = await (await get(`/projects/${project.code}/metrics/${readOnlyKey}`)).text();
    expect(body).toContain("# TYPE hc_check_up gauge\n\n# HELP hc_check_started");
    expect(body).toContain("\nhc_checks_total 0\n");
    expect(body.endsWith("# TYPE hc_checks_down_total gauge\nhc_checks_down_total 0\n")).toBe(true);
  });

  test("the Bearer form without a Bearer token is 401", async () => {
    expect((await get(`/projects/${project.code}/metrics/`)).status).toBe(401);
    expect((await get(`/projects/${project.code}/metrics/`, { Authorization: `Token ${readOnlyKey}` })).status).toBe(401);
  });

  test("a key that is not 32 characters is 400", async () => {
    expect((await get(`/projects/${project.code}/metrics/${readOnlyKey}R`)).status).toBe(400);
    expect((await get(`/projects/${project.code}/metrics/`, { Authorization: "Bearer short" })).status).toBe(400);
  });

  test("an unknown key and the read-write key are 403", async () => {
    expect((await get(`/projects/${project.code}/metrics/${"X".repeat(32)}`)).status).toBe(403);
    expect((await get(`/projects/${project.code}/metrics/${readWriteKey}`)).status).toBe(403);
    expect((await get(`/projects/${project.code}/metrics/`, { Authorization: `Bearer ${readWriteKey}` })).status).toBe(403);
  });

  test("a read-only key stored in clear text before hashing still works", async () => {
    await getDb().project.update({ where: { id: project.id }, data: { apiKeyReadonly: "R".repeat(32) } });
    await createCheck(project.id, { name: "Alice Was Here", tags: "foo" });
    const res = await get(`/projects/${project.code}/metrics/${"R".repeat(32)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('hc_tag_up{tag="foo"} 1\n');
  });

  test("the project comes from the key, as in Healthchecks, not from the URL", async () => {
    await createCheck(project.id, { name: "Alice's check" });
    const res = await get(`/projects/${otherProjectCode}/metrics/${readOnlyKey}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('name="Alice\'s check"');
  });

  test("a percent-encoded key is decoded before matching, as Django does", async () => {
    const encoded = readOnlyKey.replace(/^h/, "%68");
    expect((await get(`/projects/${project.code}/metrics/${encoded}`)).status).toBe(200);
  });

  test("PROMETHEUS_ENABLED=False answers 404", async () => {
    setEnv({ PROMETHEUS_ENABLED: "False" });
    try {
      expect((await get(`/projects/${project.code}/metrics/${readOnlyKey}`)).status).toBe(404);
      expect((await get(`/projects/${project.code}/metrics/`, { Authorization: `Bearer ${readOnlyKey}` })).status).toBe(404);
    } finally {
      setEnv({ PROMETHEUS_ENABLED: undefined });
    }
  });

  test("only the metrics routes are taken from the web app: dashboard pages and near misses go to Next", async () => {
    const code = project.code;
    for (const p of [
      `/projects/${code}/checks`,
      `/projects/${code}/settings`,
      `/projects/${code}/metrics`,
      `/projects/${code}/checks/metrics/`,
      `/projects/${code}/metrics/${readOnlyKey}/`,
      `/projects/${code.toUpperCase()}/metrics/${readOnlyKey}`,
      `/projects/${code}/metrics/not.a.slug`,
    ]) {
      const res = await get(p);
      expect(await res.text(), p).toBe(`next ${p}`);
    }
  });
});
