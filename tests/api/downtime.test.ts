// The downtime endpoint (a Vigil extension) over real HTTP through the front server.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from "vitest";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { getDb, type Check } from "../../lib/db";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createFixture, insertCheck, type Fixture } from "./fixtures";

const NOW = new Date("2026-03-15T12:00:00Z");

forEachDatabase(() => {
  let server: FrontServer;
  let base: string;
  let fx: Fixture;
  let check: Check;

  beforeAll(async () => {
    server = await startFrontServer({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
    check = await insertCheck(fx.project.id, { status: "up", createdAt: new Date("2025-06-01T00:00:00Z") });
    // Down for two hours around midnight Riga time between February and March.
    for (const [at, oldStatus, newStatus] of [
      ["2026-02-28T21:00:00Z", "up", "down"],
      ["2026-02-28T23:00:00Z", "down", "up"],
    ] as const) {
      await getDb().flip.create({ data: { checkId: check.id, createdAt: new Date(at), processedAt: new Date(at), oldStatus, newStatus } });
    }
    // Only Date is faked: the server, drivers and timers keep running normally.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const get = (path: string, key: string | null = fx.rwKey) =>
    fetch(`${base}${path}`, { headers: key ? { "X-Api-Key": key } : {} });

  test("returns three months in UTC by default, newest first, in Python's JSON style", async () => {
    const res = await get(`/api/v3/checks/${check.code}/downtime/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const text = await res.text();
    expect(text).toContain('"uptime": 1.0');
    expect(JSON.parse(text)).toEqual({
      downtime: [
        { start: "2026-03-01T00:00:00+00:00", end: "2026-04-01T00:00:00+00:00", down_seconds: 0, outages: 0, uptime: 1, no_data: false },
        {
          start: "2026-02-01T00:00:00+00:00",
          end: "2026-03-01T00:00:00+00:00",
          down_seconds: 7200,
          outages: 1,
          uptime: 1 - 7200 / (28 * 86400),
          no_data: false,
        },
        { start: "2026-01-01T00:00:00+00:00", end: "2026-02-01T00:00:00+00:00", down_seconds: 0, outages: 0, uptime: 1, no_data: false },
      ],
    });
  });

  test("periods follow the tz parameter and are labelled with its offset", async () => {
    const res = await get(`/api/v2/checks/${check.code}/downtime?period=month&count=2&tz=Europe/Riga`);
    const { downtime } = (await res.json()) as { downtime: Record<string, unknown>[] };
    expect(downtime.map((r) => [r.start, r.down_seconds, r.outages])).toEqual([
      ["2026-03-01T00:00:00+02:00", 3600, 1],
      ["2026-02-01T00:00:00+02:00", 3600, 1],
    ]);
  });

  test("weeks and days are available, and periods before the check existed have no data", async () => {
    await getDb().check.update({ where: { id: check.id }, data: { createdAt: new Date("2026-03-10T00:00:00Z") } });
    const weeks = (await (await get(`/api/v1/checks/${check.code}/downtime/?period=week&count=2`)).json()) as {
      downtime: Record<string, unknown>[];
    };
    expect(weeks.downtime.map((r) => [r.start, r.end, r.no_data, r.uptime])).toEqual([
      ["2026-03-09T00:00:00+00:00", "2026-03-16T00:00:00+00:00", false, 1],
      ["2026-03-02T00:00:00+00:00", "2026-03-09T00:00:00+00:00", true, null],
    ]);
    const days = (await (await get(`/api/v3/checks/${check.code}/downtime/?period=day&count=24`)).json()) as {
      downtime: Record<string, unknown>[];
    };
    expect(days.downtime).toHaveLength(24);
    expect(days.downtime[0]!.start).toBe("2026-03-15T00:00:00+00:00");
  });

  test("read-only keys may read it by unique key or UUID", async () => {
    const byKey = await get(`/api/v3/checks/${getUniqueKey(check.code)}/downtime/`, fx.roKey);
    expect(byKey.status).toBe(200);
    expect((await get(`/api/v3/checks/${check.code}/downtime/`, fx.roKey)).status).toBe(200);
  });

  test("bad parameters get a 400 with a message saying what is allowed", async () => {
    const cases: [string, string][] = [
      ["count=0", "count must be a whole number from 1 to 24"],
      ["count=25", "count must be a whole number from 1 to 24"],
      ["count=abc", "count must be a whole number from 1 to 24"],
      ["count=2.5", "count must be a whole number from 1 to 24"],
      ["period=year", "period must be one of: day, week, month"],
      ["tz=Mars/Olympus", "tz must be an IANA time zone such as Europe/Riga"],
    ];
    for (const [query, error] of cases) {
      const res = await get(`/api/v3/checks/${check.code}/downtime/?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.json(), query).toEqual({ error });
    }
  });

  test("a missing key, another project's check and an unknown check are refused", async () => {
    expect((await get(`/api/v3/checks/${check.code}/downtime/`, null)).status).toBe(401);
    expect((await get(`/api/v3/checks/${check.code}/downtime/`, fx.otherKey)).status).toBe(403);
    expect((await get(`/api/v3/checks/${crypto.randomUUID()}/downtime/`)).status).toBe(404);
    expect((await fetch(`${base}/api/v3/checks/${check.code}/downtime/`, { method: "POST", headers: { "X-Api-Key": fx.rwKey } })).status).toBe(405);
  });
});
