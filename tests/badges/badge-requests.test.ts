// The badge URLs end to end against the real databases: every request in
// fixtures/responses.json was answered by Healthchecks' badge views (same checks, statuses,
// SECRET_KEY and MASTER_BADGE_LABEL); Vigil must answer each one the same, byte for byte.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { handleBadgeRequest } from "../../lib/badges/handle-badge-request";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { getBadgeUrl } from "../../lib/projects/keys";
import { createUser } from "../../lib/users/create-user";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

interface FixtureResponse {
  method: string;
  path: string;
  status: number;
  headers?: Record<string, string>;
  hasExpires?: boolean;
  body?: string;
}
interface FixtureCheck {
  code: string;
  name: string;
  tags: string;
  status: "up" | "grace" | "down" | "paused" | "new";
  projectBadgeKey: string;
  badgeKey: string;
}
const fixture = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "responses.json"), "utf8")) as {
  secretKey: string;
  masterBadgeLabel: string;
  projects: string[];
  checks: FixtureCheck[];
  responses: FixtureResponse[];
};

const ORIGIN = "http://localhost:8000";
const NOW = new Date("2025-03-01T12:00:00Z");
const HOUR = 3600_000;

/** Check columns that make getStatus() report the fixture's status at NOW (period 1 day, grace 1 hour). */
function timingFor(status: FixtureCheck["status"]) {
  switch (status) {
    case "up":
      return { status: "up", lastPing: new Date(NOW.getTime() - HOUR) };
    case "grace":
      return { status: "up", lastPing: new Date(NOW.getTime() - 24 * HOUR - 10 * 60_000) };
    default:
      return { status, lastPing: null };
  }
}

const request = (method: string, p: string) => handleBadgeRequest(new Request(`${ORIGIN}${p}`, { method }), NOW);

forEachDatabase(() => {
  let projects: Record<string, number>;

  beforeAll(() => {
    setEnv({ SECRET_KEY: fixture.secretKey, MASTER_BADGE_LABEL: fixture.masterBadgeLabel, SITE_ROOT: ORIGIN });
  });
  afterAll(() => {
    setEnv({ MASTER_BADGE_LABEL: undefined, SITE_ROOT: undefined });
  });

  beforeEach(async () => {
    await resetDatabase();
    projects = {};
    for (const [i, badgeKey] of fixture.projects.entries()) {
      const { project } = await createUser({ email: `owner${i}@example.org` });
      await getDb().project.update({ where: { id: project.id }, data: { badgeKey } });
      projects[badgeKey] = project.id;
    }
    for (const c of fixture.checks) {
      await getDb().check.create({
        data: {
          code: c.code,
          name: c.name,
          tags: c.tags,
          badgeKey: c.badgeKey,
          projectId: projects[c.projectBadgeKey],
          timeout: 86400,
          grace: 3600,
          ...timingFor(c.status),
        },
      });
    }
  });

  test("answers every recorded Healthchecks badge request with the same status, headers and bytes", async () => {
    for (const expected of fixture.responses) {
      const res = await request(expected.method, expected.path);
      const where = `${expected.method} ${expected.path}`;
      expect(res.status, where).toBe(expected.status);
      if (expected.status === 404) continue;
      for (const [name, value] of Object.entries(expected.headers ?? {})) {
        // Django gives its empty 204/405 answers a default text/html type; Vigil's have none.
        if (name === "Content-Type" && !expected.body) continue;
        expect(res.headers.get(name), `${where} ${name}`).toBe(value);
      }
      expect(res.headers.get("Expires"), where).toBe(NOW.toUTCString());
      expect(await res.text(), where).toBe(expected.body);
    }
  });

  test("answers a bad signature, an unknown format or key with a never-cached, CORS-enabled 404", async () => {
    const [p1] = fixture.projects;
    const good = getBadgeUrl(p1, "prod", "svg", true).slice(ORIGIN.length);
    expect((await request("GET", good)).status).toBe(200);
    for (const p of [
      good.replace(/\/[^/]+\/prod\.svg$/, "/12345678/prod.svg"),
      good.replace(/\.svg$/, ".png"),
      "/b/3/deadbeef-0000-4000-8000-000000000000.svg",
      "/badge/nope/12345678.svg",
    ]) {
      const res = await request("GET", p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).toBe("not found");
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(res.headers.get("Cache-Control")).toBe("max-age=0, no-cache, no-store, must-revalidate, private");
    }
  });

  test("answers 404 for a project that no longer exists even when the signature is right", async () => {
    const [p1] = fixture.projects;
    const url = getBadgeUrl(p1, "*", "json", true).slice(ORIGIN.length);
    await getDb().project.delete({ where: { id: projects[p1] } });
    expect((await request("GET", url)).status).toBe(404);
  });

  test("follows the checks' live status: a running job does not hide down, and late counts on three-state badges", async () => {
    const [p1] = fixture.projects;
    const json3 = getBadgeUrl(p1, "prod", "json", true).slice(ORIGIN.length);
    const json2 = getBadgeUrl(p1, "prod", "json", false).slice(ORIGIN.length);
    const backup = fixture.checks[0];
    await getDb().check.update({
      where: { code: backup.code },
      data: { status: "down", lastStart: new Date(NOW.getTime() - 60_000) },
    });
    expect(await (await request("GET", json3)).text()).toBe('{"status": "down", "total": 2, "grace": 1, "down": 1}');

    await getDb().check.update({ where: { code: backup.code }, data: { status: "up", lastPing: new Date(NOW.getTime() - HOUR) } });
    expect(await (await request("GET", json3)).text()).toBe('{"status": "late", "total": 2, "grace": 1, "down": 0}');
    expect(await (await request("GET", json2)).text()).toBe('{"status": "up", "total": 2, "grace": 1, "down": 0}');
  });

  test("labels the all-checks badge with MASTER_BADGE_LABEL", async () => {
    const [p1] = fixture.projects;
    setEnv({ MASTER_BADGE_LABEL: "Acme status" });
    try {
      const res = await request("GET", getBadgeUrl(p1, "*", "shields", false).slice(ORIGIN.length));
      expect(await res.text()).toBe('{"schemaVersion": 1, "label": "Acme status", "message": "down", "color": "critical"}');
    } finally {
      setEnv({ MASTER_BADGE_LABEL: fixture.masterBadgeLabel });
    }
  });

  describe("a badge URL made by Healthchecks", () => {
    test("keeps working when SECRET_KEY and the badge key are carried over", async () => {
      // Healthchecks' own default SECRET_KEY and its URL for this key and tag (signatures.json).
      setEnv({ SECRET_KEY: "---" });
      try {
        const res = await request("GET", "/badge/b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b/ZXVIdu4D-2/prod.json");
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('{"status": "up", "total": 2, "grace": 1, "down": 0}');
      } finally {
        setEnv({ SECRET_KEY: fixture.secretKey });
      }
    });
  });
});
