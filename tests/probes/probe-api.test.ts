// The management API for active checks: `probe` on create/update with the engine's messages,
// `probe` and `last_result` in an active check's JSON only, run-now against a loopback HTTP
// stand-in, the results list, and the usual key rules (read-only reads, other projects 403).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { handleApiRequest } from "../../lib/api/router";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { recordProbeResult } from "../../lib/pings/record-probe-result";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertCheck, ORIGIN, type Fixture } from "../api/fixtures";
import { makeResult } from "./fixtures";

let server: http.Server;
let target: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const status = Number(url.searchParams.get("status") ?? 200);
    const delay = Number(url.searchParams.get("delay") ?? 0);
    setTimeout(() => res.writeHead(status, { "content-type": "text/plain" }).end(`answered ${status}`), delay);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const RESULT_KEYS = ["date", "region", "status", "rtt_ms", "notice", "error", "http_status", "cert_expires", "attempts"];

const INVALID: [probe: unknown, message: string][] = [
  ["https://example.org/", "probe is not an object"],
  [[], "probe is not an object"],
  [{}, "probe.type is required"],
  [{ type: "ftp" }, "probe.type must be one of http, tcp, dns, tls"],
];

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });
  const create = async (body: Record<string, unknown>) => (await call("POST", "/api/v3/checks/", { key: fx.rwKey, body })).json();

  describe("create and update", () => {
    test.each(INVALID)("rejects probe %j with %s", async (probe, message) => {
      const existing = await insertCheck(fx.project.id);
      for (const path of ["/api/v3/checks/", `/api/v3/checks/${existing.code}`]) {
        const res = await call("POST", path, { key: fx.rwKey, body: { name: "x", probe } });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: `json validation error: ${message}` });
      }
      expect(await getDb().check.count({ where: { probe: { not: null } } })).toBe(0);
    });

    test("an option the probe type does not have, or a bad value, is a 400 naming it", async () => {
      for (const probe of [{ type: "http", url: "https://example.org/", colour: "red" }, { type: "http", url: "ftp://example.org/" }, { type: "tcp", address: "nowhere" }, { type: "http", url: "https://example.org/", interval: 5 }]) {
        const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { probe } });
        expect(res.status).toBe(400);
        expect((await res.json()).error).toMatch(/^json validation error: probe\.\w+ /);
      }
    });

    test("a quorum above the number of regions is a 400 naming probe.quorum; without one, a majority is stored and shown", async () => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { probe: { type: "tcp", address: "db:5432", regions: ["local", "eu-west"], quorum: 3 } } });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "json validation error: probe.quorum must be at most the number of regions (2)" });
      const json = await create({ probe: { type: "tcp", address: "db:5432", regions: ["local", "eu-west", "ap-south"] } });
      expect(json.probe).toMatchObject({ regions: ["local", "eu-west", "ap-south"], quorum: 2 });
      // A probe stored before quorums existed shows the majority it is judged by.
      const stored = JSON.parse((await getDb().check.findUniqueOrThrow({ where: { code: json.uuid } })).probe!) as Record<string, unknown>;
      delete stored.quorum;
      await getDb().check.update({ where: { code: json.uuid }, data: { probe: JSON.stringify(stored) } });
      const read = await call("GET", `/api/v3/checks/${json.uuid}`, { key: fx.rwKey });
      expect((await read.json()).probe).toMatchObject({ regions: ["local", "eu-west", "ap-south"], quorum: 2 });
    });

    test("creates an active check: the probe with its defaults, no result yet, timeout = interval, a minute of grace, due now", async () => {
      const before = Date.now();
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { name: "site", probe: { type: "http", url: `${target}/`, interval: 120 } } });
      expect(res.status).toBe(201);
      const json = await res.json();
      expect(json).toMatchObject({ name: "site", status: "new", timeout: 120, grace: 60, last_result: null });
      expect(json.probe).toMatchObject({ type: "http", url: `${target}/`, interval: 120, method: "GET", expected_status: "200-299", regions: ["local"], quorum: 1 });
      const row = await getDb().check.findUniqueOrThrow({ where: { code: json.uuid } });
      expect(row.nextProbeAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(row.kind).toBe("simple");
    });

    test("probe null makes the check passive again, with exactly a passive check's keys", async () => {
      const plain = await create({ name: "plain" });
      const active = await create({ name: "site", probe: { type: "tcp", address: "127.0.0.1:1" } });
      expect(Object.keys(active)).toEqual([...Object.keys(plain), "probe", "last_result"]);
      const res = await call("POST", `/api/v3/checks/${active.uuid}`, { key: fx.rwKey, body: { probe: null } });
      expect(res.status).toBe(200);
      expect(Object.keys(await res.json())).toEqual(Object.keys(plain));
      const row = await getDb().check.findUniqueOrThrow({ where: { code: active.uuid } });
      expect([row.probe, row.nextProbeAt]).toEqual([null, null]);
    });

    test("a passive check's JSON has no probe keys in any version or key kind", async () => {
      const check = await insertCheck(fx.project.id, { name: "cron" });
      for (const v of [1, 2, 3]) {
        const rw = await (await call("GET", `/api/v${v}/checks/${check.code}`, { key: fx.rwKey })).json();
        const ro = await (await call("GET", `/api/v${v}/checks/${getUniqueKey(check.code)}`, { key: fx.roKey })).json();
        for (const json of [rw, ro]) expect(Object.keys(json).filter((k) => k === "probe" || k === "last_result")).toEqual([]);
      }
    });

    test("a read-only key cannot create an active check", async () => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.roKey, body: { probe: { type: "tcp", address: "127.0.0.1:1" } } });
      expect(res.status).toBe(401);
    });
  });

  describe("run now", () => {
    const activeCheck = (url: string, extra: Record<string, unknown> = {}) => create({ name: "site", probe: { type: "http", url, ...extra } });

    test("runs the probe, records the run and answers 200 with the result", async () => {
      const check = await activeCheck(`${target}/?status=200`);
      const res = await call("POST", `/api/v3/checks/${check.uuid}/probe`, { key: fx.rwKey });
      expect(res.status).toBe(200);
      const result = await res.json();
      expect(Object.keys(result)).toEqual(RESULT_KEYS);
      expect(result).toMatchObject({ region: "local", status: "healthy", http_status: 200, error: null, notice: null, cert_expires: null });
      expect(result.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
      expect(result.attempts).toHaveLength(1);
      expect(Object.keys(result.attempts[0])).toEqual(["rtt_ms", "error", "timings"]);
      expect(Object.keys(result.attempts[0].timings)).toEqual(["dns_ms", "connect_ms", "tls_ms", "ttfb_ms", "total_ms"]);

      const after = await (await call("GET", `/api/v3/checks/${check.uuid}`, { key: fx.rwKey })).json();
      expect(after.status).toBe("up");
      expect(after.n_pings).toBe(1);
      expect(after.last_result).toEqual(result);
      const pings = await (await call("GET", `/api/v3/checks/${check.uuid}/pings/`, { key: fx.rwKey })).json();
      expect(pings.pings[0]).toMatchObject({ type: "success", scheme: "probe" });
    });

    test("a failing run takes the check down with the error", async () => {
      const check = await activeCheck(`${target}/?status=500`);
      const result = await (await call("POST", `/api/v3/checks/${check.uuid}/probe`, { key: fx.rwKey })).json();
      expect(result.status).toBe("down");
      expect(result.error).toBeTruthy();
      expect((await (await call("GET", `/api/v3/checks/${check.uuid}`, { key: fx.rwKey })).json()).status).toBe("down");
    });

    test("a run slower than threshold_rtt makes the check degraded, and the API says so", async () => {
      const check = await activeCheck(`${target}/?delay=200`, { threshold_rtt: 1 });
      const result = await (await call("POST", `/api/v3/checks/${check.uuid}/probe`, { key: fx.rwKey })).json();
      expect(result.status).toBe("degraded");
      expect(result.notice).toBeTruthy();
      for (const v of [1, 2, 3]) {
        expect((await (await call("GET", `/api/v${v}/checks/${check.uuid}`, { key: fx.rwKey })).json()).status).toBe("degraded");
      }
      const listed = await (await call("GET", "/api/v3/checks/", { key: fx.rwKey })).json();
      expect(listed.checks[0]).toMatchObject({ status: "degraded", last_result: { status: "degraded" } });
    });

    test("with PROBE_ALLOW_PRIVATE=False a run to a loopback address is refused before connecting, and the check goes down", async () => {
      const check = await activeCheck(`${target}/?status=200`);
      let hits = 0;
      const count = () => hits++;
      server.on("request", count);
      setEnv({ PROBE_ALLOW_PRIVATE: "False" });
      try {
        const result = await (await call("POST", `/api/v3/checks/${check.uuid}/probe`, { key: fx.rwKey })).json();
        expect(result.status).toBe("down");
        expect(result.error).toMatch(/private/i);
        expect(hits).toBe(0);
      } finally {
        setEnv({ PROBE_ALLOW_PRIVATE: undefined });
        server.off("request", count);
      }
    });

    test("a passive check has no probe to run: 400", async () => {
      const check = await insertCheck(fx.project.id);
      const res = await call("POST", `/api/v3/checks/${check.code}/probe`, { key: fx.rwKey });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "check has no probe" });
    });

    test("a read-only key gets 401, another project's key 403, an unknown check 404", async () => {
      const check = await activeCheck(`${target}/`);
      expect((await call("POST", `/api/v3/checks/${check.uuid}/probe`, { key: fx.roKey })).status).toBe(401);
      expect((await call("POST", `/api/v3/checks/${check.uuid}/probe`, { key: fx.otherKey })).status).toBe(403);
      expect((await call("POST", `/api/v3/checks/${crypto.randomUUID()}/probe`, { key: fx.rwKey })).status).toBe(404);
      expect(await getDb().probeResult.count()).toBe(0);
    });

    test("exists in API v3 only", async () => {
      const check = await activeCheck(`${target}/`);
      for (const path of [`/api/v1/checks/${check.uuid}/probe`, `/api/v2/checks/${check.uuid}/results/`]) {
        const method = path.endsWith("probe") ? "POST" : "GET";
        expect(await handleApiRequest(new Request(`${ORIGIN}${path}`, { method, headers: { "X-Api-Key": fx.rwKey } }))).toBeNull();
      }
    });
  });

  describe("results list", () => {
    test("lists the runs newest first, for read-write keys by UUID and read-only keys by unique_key", async () => {
      const check = await insertCheck(fx.project.id, { probe: JSON.stringify({ type: "tcp", address: "127.0.0.1:1" }) });
      const t0 = Date.now() - 60_000;
      for (const [i, status] of (["healthy", "degraded", "down"] as const).entries()) {
        await recordProbeResult({ checkCode: check.code, result: makeResult(status, { date: new Date(t0 + i * 1000) }) });
      }
      const rw = await call("GET", `/api/v3/checks/${check.code}/results/`, { key: fx.rwKey });
      expect(rw.status).toBe(200);
      const { results } = await rw.json();
      expect(results.map((r: { status: string }) => r.status)).toEqual(["down", "degraded", "healthy"]);
      expect(results[0]).toEqual({
        date: new Date(t0 + 2000).toISOString().replace(/\.(\d{3})Z$/, (_m, ms: string) => (ms === "000" ? "+00:00" : `.${ms}000+00:00`)),
        region: "local",
        status: "down",
        rtt_ms: 12.345,
        notice: null,
        error: "connect ECONNREFUSED 127.0.0.1:1",
        http_status: null,
        cert_expires: "2027-01-02T03:04:05.678000+00:00",
        attempts: [{ rtt_ms: 12.345, error: null, timings: { dns_ms: 0.012, connect_ms: 0.2, tls_ms: null, ttfb_ms: 11.5, total_ms: 12.345 } }],
      });
      const ro = await call("GET", `/api/v3/checks/${getUniqueKey(check.code)}/results`, { key: fx.roKey });
      expect(ro.status).toBe(200);
      expect((await ro.json()).results).toEqual(results);
    });

    test("whole milliseconds are written as floats, as Python prints them", async () => {
      const check = await insertCheck(fx.project.id, { probe: JSON.stringify({ type: "tcp", address: "127.0.0.1:1" }) });
      await recordProbeResult({ checkCode: check.code, result: makeResult("healthy", { rtt_ms: 12 }) });
      const text = await (await call("GET", `/api/v3/checks/${check.code}/results/`, { key: fx.rwKey })).text();
      expect(text).toContain('"rtt_ms": 12.0');
    });

    test("keeps to the project's ping log limit", async () => {
      await getDb().project.update({ where: { id: fx.project.id }, data: { pingLogLimit: 2 } });
      const check = await insertCheck(fx.project.id, { probe: JSON.stringify({ type: "tcp", address: "127.0.0.1:1" }) });
      for (let i = 0; i < 3; i++) await recordProbeResult({ checkCode: check.code, result: makeResult("healthy") });
      expect((await (await call("GET", `/api/v3/checks/${check.code}/results/`, { key: fx.rwKey })).json()).results).toHaveLength(2);
    });

    test("another project's key gets 403", async () => {
      const check = await insertCheck(fx.project.id);
      expect((await call("GET", `/api/v3/checks/${check.code}/results/`, { key: fx.otherKey })).status).toBe(403);
      expect((await call("GET", `/api/v3/checks/${check.code}/results/`)).status).toBe(401);
    });
  });
});
