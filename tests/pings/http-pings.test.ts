import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { randomUUID } from "node:crypto";
import { getDb } from "../../lib/db";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

forEachDatabase(
  () => {
    let server: FrontServer;
    let base: string;
    let projectId: number;

    beforeAll(async () => {
      server = await startFrontServer({ port: 0, host: "127.0.0.1" });
      base = `http://127.0.0.1:${server.port}`;
    });
    afterAll(async () => {
      await server.close();
    });
    beforeEach(async () => {
      await resetDatabase();
      ({
        project: { id: projectId },
      } = await createFixtures());
    });

    const ping = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);
    const pingsOf = (checkId: number) => getDb().ping.findMany({ where: { checkId }, orderBy: { n: "asc" } });
    const reload = (id: number) => getDb().check.findUniqueOrThrow({ where: { id } });

    test("a success ping answers OK with CORS and Ping-Body-Limit and marks the check up", async () => {
      const check = await createCheck(projectId);
      const res = await ping(`/ping/${check.code}`, { headers: { "User-Agent": "curl/8", "X-Forwarded-For": "10.1.2.3, 1.1.1.1" } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("OK");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("ping-body-limit")).toBe("20");
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      // Healthchecks' headers only: the web pages' security headers are not added to pings.
      for (const name of ["content-security-policy", "x-frame-options", "referrer-policy", "strict-transport-security"]) {
        expect(res.headers.get(name)).toBeNull();
      }
      const after = await reload(check.id);
      expect(after.status).toBe("up");
      expect(after.nPings).toBe(1);
      expect(after.lastPing).not.toBeNull();
      expect(after.alertAfter!.getTime()).toBe(after.lastPing!.getTime() + (86400 + 3600) * 1000);
      const [row] = await pingsOf(check.id);
      expect(row).toMatchObject({ n: 1, kind: null, scheme: "http", method: "GET", ua: "curl/8", remoteAddr: "10.1.2.3" });
      const flips = await getDb().flip.findMany({ where: { checkId: check.id } });
      expect(flips).toMatchObject([{ oldStatus: "new", newStatus: "up", reason: "", processedAt: null }]);
    });

    test("the hosted form at the root is the same endpoint", async () => {
      const check = await createCheck(projectId);
      expect((await ping(`/${check.code}`)).status).toBe(200);
      expect((await ping(`/${check.code}/fail`)).status).toBe(200);
      expect((await reload(check.id)).status).toBe("down");
    });

    test("start, fail, log and exit codes record the right kinds and flips", async () => {
      const check = await createCheck(projectId);
      for (const path of ["/start", "", "/fail", "/log", "/0", "/7"]) {
        expect((await ping(`/ping/${check.code}${path}`, { method: "POST", body: "x" })).status).toBe(200);
      }
      const rows = await pingsOf(check.id);
      expect(rows.map((r) => r.kind)).toEqual(["start", null, "fail", "log", null, "fail"]);
      expect(rows.map((r) => r.exitStatus)).toEqual([null, null, null, null, 0, 7]);
      const flips = await getDb().flip.findMany({ where: { checkId: check.id }, orderBy: { id: "asc" } });
      expect(flips.map((f) => `${f.oldStatus}>${f.newStatus}:${f.reason}`)).toEqual([
        "new>up:",
        "up>down:fail",
        "down>up:",
        "up>down:fail",
      ]);
    });

    test("bad URLs get Healthchecks' codes and bodies", async () => {
      const check = await createCheck(projectId);
      const cases: [string, number, string][] = [
        [`/ping/${check.code}/256`, 400, "invalid url format"],
        [`/ping/${check.code}/-1`, 404, "not found"],
        [`/ping/${check.code.toUpperCase()}`, 404, "not found"],
        [`/ping/${check.code}/start/`, 404, "not found"],
        [`/ping/${randomUUID()}`, 404, "not found"],
        [`/ping/${check.code}?rid=nope`, 400, "invalid uuid format"],
        [`/ping/${randomUUID()}?rid=nope`, 404, "not found"],
        [`/ping/abcdefghijklmnopqrstuv/Upper`, 400, "invalid url format"],
        [`/ping/a/b/c/d`, 404, "not found"],
      ];
      for (const [path, status, body] of cases) {
        const res = await ping(path);
        expect([path, res.status, await res.text()]).toEqual([path, status, body]);
      }
      expect((await ping(`/ping/${check.code}/`)).status).toBe(200);
      expect((await reload(check.id)).nPings).toBe(1);
    });

    test("any method is a ping, including HEAD and PUT", async () => {
      const check = await createCheck(projectId);
      for (const method of ["HEAD", "PUT", "DELETE", "OPTIONS"]) {
        expect((await ping(`/ping/${check.code}`, { method })).status).toBe(200);
      }
      expect((await pingsOf(check.id)).map((p) => p.method)).toEqual(["HEAD", "PUT", "DELETE", "OPTIONS"]);
    });

    test("a run id pairs start and success into a duration", async () => {
      const check = await createCheck(projectId);
      const rid = randomUUID().toUpperCase();
      await ping(`/ping/${check.code}/start?rid=${rid}`);
      let after = await reload(check.id);
      expect(after.lastStart).not.toBeNull();
      expect(after.lastStartRid).toBe(rid.toLowerCase());
      // A success from another run keeps the running one timed.
      await ping(`/ping/${check.code}?rid=${randomUUID()}`);
      expect((await reload(check.id)).lastStart).not.toBeNull();
      await ping(`/ping/${check.code}?rid=${rid}`);
      after = await reload(check.id);
      expect(after.lastStart).toBeNull();
      expect(after.lastDuration).toBeGreaterThanOrEqual(0);
      expect((await pingsOf(check.id)).map((p) => p.rid)).toContain(rid.toLowerCase());
    });

    test("a start on a new check arms alert_after at start + grace", async () => {
      const check = await createCheck(projectId, { grace: 60 });
      await ping(`/ping/${check.code}/start`);
      const after = await reload(check.id);
      expect(after.status).toBe("new");
      expect(after.alertAfter!.getTime()).toBe(after.lastStart!.getTime() + 60_000);
    });

    test("slug URLs ping, create with ?create=1, and refuse ambiguity", async () => {
      const channel = await getDb().channel.create({ data: { code: randomUUID(), projectId, kind: "email", config: "{}" } });
      const existing = await createCheck(projectId, { slug: "backup" });
      expect((await ping("/ping/abcdefghijklmnopqrstuv/backup/fail")).status).toBe(200);
      expect((await reload(existing.id)).status).toBe("down");

      expect((await ping("/ping/abcdefghijklmnopqrstuv/nightly")).status).toBe(404);
      const created = await ping("/ping/abcdefghijklmnopqrstuv/nightly?create=1");
      expect([created.status, await created.text()]).toEqual([201, "Created"]);
      const check = await getDb().check.findFirstOrThrow({ where: { slug: "nightly" }, include: { channels: true } });
      expect(check).toMatchObject({ name: "nightly", status: "up", nPings: 1, timeout: 86400, grace: 3600 });
      expect(check.channels.map((c) => c.channelId)).toEqual([channel.id]);
      expect((await ping("/ping/abcdefghijklmnopqrstuv/nightly?create=1")).status).toBe(200);

      await createCheck(projectId, { slug: "backup" });
      const amb = await ping("/ping/abcdefghijklmnopqrstuv/backup");
      expect([amb.status, await amb.text()]).toEqual([409, "ambiguous slug"]);
      expect((await ping("/ping/unknownkey00000000000/x?create=1")).status).toBe(404);
    });

    test("POST-only checks ignore other methods", async () => {
      const check = await createCheck(projectId, { methods: "POST" });
      await ping(`/ping/${check.code}/fail`);
      expect((await pingsOf(check.id)).map((p) => p.kind)).toEqual(["ign"]);
      expect((await reload(check.id)).status).toBe("new");
      await ping(`/ping/${check.code}`, { method: "POST" });
      expect((await reload(check.id)).status).toBe("up");
    });

    test("body keywords override the URL action in Healthchecks' order", async () => {
      const check = await createCheck(projectId, {
        filterHttpBody: true,
        startKw: "begin",
        successKw: "ok, done",
        failureKw: "ERROR",
      });
      const kinds: (string | null)[] = [];
      for (const body of ["all done", "ERROR but done", "begin", "nothing", "error lowercase"]) {
        await ping(`/ping/${check.code}/fail`, { method: "POST", body });
      }
      for (const p of await pingsOf(check.id)) kinds.push(p.kind);
      expect(kinds).toEqual([null, "fail", "start", "ign", "ign"]);
      await getDb().check.update({ where: { id: check.id }, data: { filterDefaultFail: true } });
      await ping(`/ping/${check.code}`, { method: "POST", body: "nothing" });
      expect((await pingsOf(check.id)).at(-1)!.kind).toBe("fail");
    });

    test("a paused check with manual resume ignores pings", async () => {
      const check = await createCheck(projectId, { status: "paused", manualResume: true });
      await ping(`/ping/${check.code}`);
      expect((await reload(check.id)).status).toBe("paused");
      expect((await pingsOf(check.id))[0].kind).toBe("ign");
      await getDb().check.update({ where: { id: check.id }, data: { manualResume: false } });
      await ping(`/ping/${check.code}`);
      expect((await reload(check.id)).status).toBe("up");
    });

    test("bodies are stored up to PING_BODY_LIMIT bytes", async () => {
      const check = await createCheck(projectId);
      await ping(`/ping/${check.code}`, { method: "POST", body: "0123456789abcdefghijKLMNOP please confirm" });
      const [row] = await pingsOf(check.id);
      expect(Buffer.from(row.body!).toString()).toBe("0123456789abcdefghij");
    });

    test("quotes, backslashes and binary bodies are stored exactly", async () => {
      const check = await createCheck(projectId);
      const ua = `O'Reilly \\ "x" %s; DROP TABLE pings; -- ü`;
      const body = Buffer.from([0, 39, 92, 255, 10, 34, 0]);
      expect((await ping(`/ping/${check.code}/log`, { method: "POST", body, headers: { "User-Agent": ua } })).status).toBe(200);
      const [row] = await pingsOf(check.id);
      expect(row.ua).toBe(ua);
      expect(Buffer.from(row.body!)).toEqual(body);
    });

    test("concurrent pings to one check are all stored with consecutive numbers", async () => {
      const check = await createCheck(projectId);
      const results = await Promise.all(Array.from({ length: 300 }, () => ping(`/ping/${check.code}`).then((r) => r.status)));
      expect(results.every((s) => s === 200)).toBe(true);
      const after = await reload(check.id);
      expect(after.nPings).toBe(300);
      const rows = await pingsOf(check.id);
      // Every 100th ping prunes beyond the project's ping_log_limit (100).
      expect(rows.length).toBe(100);
      expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 100 }, (_, i) => i + 201));
    });

    describe("cron checks", () => {
      test("alert_after follows the schedule in the check's time zone", async () => {
        const check = await createCheck(projectId, { kind: "cron", schedule: "0 3 * * *", tz: "Europe/Riga", grace: 600 });
        await ping(`/ping/${check.code}`);
        const after = await reload(check.id);
        const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Riga", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
        const graceStart = new Date(after.alertAfter!.getTime() - 600_000);
        expect(local.format(graceStart)).toBe("03:00");
        expect(graceStart.getTime()).toBeGreaterThan(after.lastPing!.getTime());
      });
    });
  },
  { PING_BODY_LIMIT: "20" },
);
