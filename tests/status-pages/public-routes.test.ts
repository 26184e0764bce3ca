// Public status pages through the real front server on both databases: the snapshot and its
// documents, caching headers, invalidation by the refresher, custom domains, private pages.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { hashPassword } from "../../lib/auth/credentials";
import { getDb } from "../../lib/db";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { serveMembersStatusRequest } from "../../lib/server/handle-status-page";
import { getStatusPageCache } from "../../lib/status-pages/page-cache";
import { loadPageSnapshot } from "../../lib/status-pages/snapshot";
import { buildStatuspageDocument, STATUSPAGE_DOCUMENTS } from "../../lib/status-pages/statuspage-json";
import { createFixtures } from "../fixtures";
import { forEachDatabase } from "../helpers/databases";
import { NOW } from "./sample-page";
import { seedSamplePage } from "./seed-page";

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

function request(port: number, p: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: p, method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

forEachDatabase(
  (kind) => {
    let server: FrontServer;
    let port: number;
    const handedToNext: string[] = [];
    let fx: Awaited<ReturnType<typeof createFixtures>>;
    let seeded: Awaited<ReturnType<typeof seedSamplePage>>;

    beforeAll(async () => {
      fx = await createFixtures();
      seeded = await seedSamplePage(fx.project.id);
      await seedSamplePage(fx.project.id, { slug: "acme-domain", code: "pagecode2", customDomain: "status.acme.test", components: 2 });
      await seedSamplePage(fx.project.id, { slug: "acme-private", code: "pagecode3", access: "password", passwordHash: await hashPassword("s3cret-pass"), components: 2 });
      await seedSamplePage(fx.project.id, { slug: "acme-team", code: "pagecode4", access: "members", components: 2 });
      server = await startFrontServer({
        port: 0,
        host: "127.0.0.1",
        next: async (req, res) => {
          handedToNext.push(req.url ?? "");
          res.writeHead(200, { "Content-Type": "text/plain" });
          res.end("next");
        },
      });
      port = server.port;
    });
    afterAll(async () => {
      getStatusPageCache().stop();
      await server.close();
    });

    test(`the snapshot read from ${kind} gives the fixtures' documents`, async () => {
      const snapshot = await loadPageSnapshot(seeded.page.id, NOW);
      expect(snapshot).not.toBeNull();
      for (const name of STATUSPAGE_DOCUMENTS) {
        const file = path.join(__dirname, "fixtures", `${name.replace("/", "--")}.json`);
        expect(buildStatuspageDocument(snapshot!, name), name).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
      }
    });

    test("the page is served as HTML with the components' states", async () => {
      const r = await request(port, "/status/acme");
      expect(r.status).toBe(200);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.text).toContain("Website");
      expect(r.text).toContain("Major outage");
      expect(r.headers["access-control-allow-origin"]).toBeUndefined();
      expect(r.headers["cache-control"]).toBe("public, max-age=5");
      expect(r.headers["content-security-policy"]).toContain("default-src 'none'");
    });

    test("nothing private reaches the HTML, the JSON, the feeds or the badge", async () => {
      const paths = ["/status/acme", "/status/acme/history", "/status/acme/history.atom", "/status/acme/history.rss", "/status/acme/badge.svg", "/status/acme/badge.json"];
      for (const name of STATUSPAGE_DOCUMENTS) paths.push(`/status/acme/api/v2/${name}.json`);
      const secrets = [fx.project.code, "abcdefghijklmnopqrstuv", "private-tag", "secret-slug", fx.project.badgeKey, "/ping/"];
      for (const c of seeded.checks) secrets.push(c.code);
      for (const p of paths) {
        const r = await request(port, p);
        expect(r.status, p).toBe(200);
        for (const s of secrets) expect(r.text, `${p} leaks ${s}`).not.toContain(s);
      }
    });

    test("JSON, feeds and badge carry CORS; OPTIONS answers the preflight", async () => {
      for (const p of ["/status/acme/api/v2/summary.json", "/status/acme/history.atom", "/status/acme/history.rss", "/status/acme/badge.svg", "/status/acme/badge.json"]) {
        const r = await request(port, p);
        expect(r.headers["access-control-allow-origin"], p).toBe("*");
      }
      const pre = await request(port, "/status/acme/api/v2/summary.json", { method: "OPTIONS" });
      expect(pre.status).toBe(204);
      expect(pre.headers["access-control-allow-origin"]).toBe("*");
      const summary = JSON.parse((await request(port, "/status/acme/api/v2/summary.json")).text);
      expect(summary.page).toMatchObject({ id: "pagecode1", name: "Acme", time_zone: "Europe/Berlin" });
      expect(summary.status.indicator).toBe("major");
    });

    test("a strong ETag gives 304, and compressed bodies are the same bytes", async () => {
      const plain = await request(port, "/status/acme/api/v2/summary.json");
      const etag = plain.headers.etag!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const again = await request(port, "/status/acme/api/v2/summary.json", { headers: { "If-None-Match": etag } });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      const gz = await request(port, "/status/acme", { headers: { "Accept-Encoding": "gzip" } });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gz.headers.vary).toBe("Accept-Encoding");
      const html = await request(port, "/status/acme");
      expect(gunzipSync(gz.body).toString("utf8")).toBe(html.text);
      const br = await request(port, "/status/acme", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.body).toString("utf8")).toBe(html.text);
      // Any encoding's ETag names the same version.
      const cond = await request(port, "/status/acme", { headers: { "If-None-Match": gz.headers.etag!, "Accept-Encoding": "br" } });
      expect(cond.status).toBe(304);
      const head = await request(port, "/status/acme", { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
    });

    test("unknown pages and paths are 404s; other methods 405", async () => {
      expect((await request(port, "/status/no-such-page")).status).toBe(404);
      expect((await request(port, "/status/no-such-page")).text).toContain("Status page not found");
      expect((await request(port, "/status/acme/nope")).status).toBe(404);
      const json = await request(port, "/status/acme/api/v2/pages.json");
      expect(json.status).toBe(404);
      expect(json.headers["content-type"]).toBe("application/json");
      expect((await request(port, "/status/no-such-page/api/v2/summary.json")).status).toBe(404);
      expect((await request(port, "/status/%E0%A4%A/x")).status).toBe(404);
      expect((await request(port, "/status/acme", { method: "DELETE" })).status).toBe(405);
    });

    test("a page created after the directory was read is served at once, not a 404", async () => {
      // The directory is fresh (just read for the requests above); the new page is not in it.
      expect((await request(port, "/status/acme")).status).toBe(200);
      await seedSamplePage(fx.project.id, { slug: "acme-fresh", code: "pagecode5", components: 1 });
      const r = await request(port, "/status/acme-fresh");
      expect(r.status).toBe(200);
      expect(r.text).not.toContain("Status page not found");
      expect((await request(port, "/status/acme-fresh/api/v2/summary.json")).status).toBe(200);
    });

    test("a write to the database shows after one refresher tick, without a restart", async () => {
      const before = JSON.parse((await request(port, "/status/acme/api/v2/status.json")).text);
      expect(before.status.indicator).toBe("major");
      const db = getDb();
      // The API check recovers and the incident is resolved by another process.
      await db.check.updateMany({ where: { code: seeded.checks[1].code }, data: { status: "up" } });
      const incident = await db.statusIncident.findUniqueOrThrow({ where: { code: "inc-api" } });
      await db.statusIncidentUpdate.create({ data: { code: "upd-resolve", incidentId: incident.id, status: "resolved", body: "Fixed." } });
      await db.statusIncident.update({ where: { id: incident.id }, data: { resolvedAt: new Date() } });
      await getStatusPageCache().tick();
      const after = JSON.parse((await request(port, "/status/acme/api/v2/summary.json")).text);
      expect(after.incidents).toEqual([]);
      expect(after.components.find((c: { id: string }) => c.id === "comp2").status).toBe("operational");
    });

    test("the background refresher picks up a change on its own", async () => {
      await request(port, "/status/acme/api/v2/status.json");
      await getDb().check.updateMany({ where: { code: seeded.checks[0].code }, data: { status: "down" } });
      await vi.waitFor(
        async () => {
          const doc = JSON.parse((await request(port, "/status/acme/api/v2/components.json")).text);
          expect(doc.components.find((c: { id: string }) => c.id === "comp1").status).toBe("major_outage");
        },
        { timeout: 15_000, interval: 250 },
      );
    });

    test("a page's custom domain serves it at /, its JSON under /api/v2/ and its feeds", async () => {
      const host = { Host: "Status.Acme.Test:8443" };
      const page = await request(port, "/", { headers: host });
      expect(page.status).toBe(200);
      expect(page.text).toContain('action="/subscribe"');
      const json = await request(port, "/api/v2/summary.json", { headers: host });
      expect(json.status).toBe(200);
      expect(JSON.parse(json.text).page.url).toBe("https://status.acme.test");
      expect((await request(port, "/history.atom", { headers: host })).text).toContain("<feed");
      expect((await request(port, "/badge.svg", { headers: host })).headers["content-type"]).toBe("image/svg+xml");
      expect((await request(port, "/nope", { headers: host })).status).toBe(404);
      // Pings still work on any host, and other hosts get the site as before.
      expect((await request(port, "/api/v2/summary.json")).status).not.toBe(200);
    });

    test("a password page shows a form until the password is given, for HTML and JSON alike", async () => {
      const form = await request(port, "/status/acme-private");
      expect(form.status).toBe(401);
      expect(form.text).toContain("type=password");
      expect(form.text).not.toContain("Website");
      const json = await request(port, "/status/acme-private/api/v2/summary.json");
      expect(json.status).toBe(401);
      expect(json.text).not.toContain("Website");
      expect((await request(port, "/status/acme-private/history.rss")).status).toBe(401);
      const wrong = await request(port, "/status/acme-private", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "password=nope",
      });
      expect(wrong.status).toBe(403);
      expect(wrong.text).toContain("Wrong password.");
      const right = await request(port, "/status/acme-private", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "password=s3cret-pass",
      });
      expect(right.status).toBe(303);
      expect(right.headers.location).toBe("/status/acme-private");
      const cookie = right.headers["set-cookie"]![0];
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const pair = cookie.split(";")[0];
      const page = await request(port, "/status/acme-private", { headers: { Cookie: pair } });
      expect(page.status).toBe(200);
      expect(page.text).toContain("Website");
      expect(page.headers["cache-control"]).toBe("private, no-cache");
      expect((await request(port, "/status/acme-private/api/v2/summary.json", { headers: { Cookie: pair } })).status).toBe(200);
      const forged = pair.replace(/=.*/, "=AAAA");
      expect((await request(port, "/status/acme-private", { headers: { Cookie: forged } })).status).toBe(401);
    });

    test("password guesses are limited per address and page: the 21st in an hour is a 429", async () => {
      await getDb().tokenBucket.deleteMany();
      const guess = () =>
        request(port, "/status/acme-private", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "password=guess",
        });
      for (let i = 0; i < 20; i++) expect((await guess()).status).toBe(403);
      const limited = await guess();
      expect(limited.status).toBe(429);
      expect(limited.text).toContain("Too many attempts");
      await getDb().tokenBucket.deleteMany();
    });

    test("a members page goes to Next, which lets members in and keeps others out", async () => {
      const r = await request(port, "/status/acme-team/api/v2/summary.json");
      expect(r.text).toBe("next");
      expect(handedToNext.at(-1)).toBe("/status/acme-team/api/v2/summary.json");
      const url = "http://127.0.0.1/status/acme-team";
      const signedOut = await serveMembersStatusRequest(new Request(url), null);
      expect(signedOut.status).toBe(302);
      expect(signedOut.headers.get("location")).toBe("/accounts/login?next=%2Fstatus%2Facme-team");
      const jsonSignedOut = await serveMembersStatusRequest(new Request(`${url}/api/v2/summary.json`), null);
      expect(jsonSignedOut.status).toBe(401);
      for (const user of [fx.alice, fx.bob]) {
        const page = await serveMembersStatusRequest(new Request(url), user.id);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain("Website");
        const json = await serveMembersStatusRequest(new Request(`${url}/api/v2/summary.json`), user.id);
        expect(JSON.parse(await json.text()).page.id).toBe("pagecode4");
      }
      expect((await serveMembersStatusRequest(new Request(url), fx.charlie.id)).status).toBe(404);
      expect((await serveMembersStatusRequest(new Request(`${url}/api/v2/summary.json`), fx.charlie.id)).status).toBe(404);
      // A public page never answers through this route.
      expect((await serveMembersStatusRequest(new Request("http://127.0.0.1/status/acme"), fx.alice.id)).status).toBe(404);
    });

    describe("the front server's other routes", () => {
      test("pings, the API and Next paths are unaffected", async () => {
        expect((await request(port, "/ping/00000000-0000-4000-8000-000000000000")).text).toBe("not found");
        expect((await request(port, "/api/v3/checks/")).status).toBe(401);
        expect((await request(port, "/projects/x/checks")).text).toBe("next");
      });
    });
  },
  { SITE_ROOT: "https://vigil.example" },
);
