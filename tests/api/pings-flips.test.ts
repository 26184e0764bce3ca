import { beforeEach, describe, expect, test } from "vitest";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { getDb, type Check } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertCheck, type Fixture } from "./fixtures";

const T0 = new Date("2026-03-01T10:00:00Z").getTime();
const HOUR = 3_600_000;

interface PingData {
  kind?: string | null;
  at: number;
  rid?: string | null;
  body?: string | null;
}

async function addPings(check: Check, pings: PingData[]): Promise<void> {
  await getDb().ping.createMany({
    data: pings.map((p, i) => ({
      checkId: check.id,
      n: i + 1,
      createdAt: new Date(p.at),
      kind: p.kind ?? null,
      rid: p.rid ?? null,
      body: p.body == null ? null : new Uint8Array(Buffer.from(p.body)),
      scheme: "https",
      remoteAddr: "1.2.3.4",
      method: "POST",
      ua: "curl/8",
    })),
  });
  await getDb().check.update({ where: { id: check.id }, data: { nPings: pings.length } });
}

forEachDatabase(() => {
  let fx: Fixture;
  let check: Check;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
    check = await insertCheck(fx.project.id);
  });

  const pingsOf = async (c: Check = check) =>
    (await (await call("GET", `/api/v3/checks/${c.code}/pings/`, { key: fx.rwKey })).json()).pings as Record<
      string,
      unknown
    >[];

  describe("pings", () => {
    test("lists pings newest first in Healthchecks' shape", async () => {
      await addPings(check, [
        { kind: "start", at: T0 + 123 },
        { at: T0 + 2_623, body: "all good" },
      ]);
      const res = await call("GET", `/api/v3/checks/${check.code}/pings/`, { key: fx.rwKey });
      expect(res.status).toBe(200);
      const [success, start] = (await res.json()).pings;
      expect(Object.keys(success)).toEqual([
        "type",
        "date",
        "n",
        "scheme",
        "remote_addr",
        "method",
        "ua",
        "rid",
        "duration",
        "body_url",
      ]);
      expect(success).toEqual({
        type: "success",
        date: "2026-03-01T10:00:02.623000+00:00",
        n: 2,
        scheme: "https",
        remote_addr: "1.2.3.4",
        method: "POST",
        ua: "curl/8",
        rid: null,
        duration: 2.5,
        body_url: `http://localhost:8000/api/v3/checks/${check.code}/pings/2/body`,
      });
      expect(start).toMatchObject({ type: "start", n: 1, date: "2026-03-01T10:00:00.123000+00:00", body_url: null });
      expect(start).not.toHaveProperty("duration");
    });

    test("writes whole-second durations and dates as Python does", async () => {
      await addPings(check, [{ kind: "start", at: T0 }, { at: T0 + 3000 }]);
      const text = await (await call("GET", `/api/v3/checks/${check.code}/pings/`, { key: fx.rwKey })).text();
      expect(text).toContain('"date": "2026-03-01T10:00:03+00:00"');
      expect(text).toContain('"duration": 3.0');
    });

    test("pairs a success or fail with the latest start of the same run id", async () => {
      const rid = crypto.randomUUID();
      await addPings(check, [
        { kind: "start", at: T0, rid },
        { kind: "start", at: T0 + 1000 },
        { kind: "fail", at: T0 + 5000, rid },
        { at: T0 + 7000 },
      ]);
      const [success, fail] = await pingsOf();
      expect(fail).toMatchObject({ n: 3, rid, duration: 5 });
      expect(success).toMatchObject({ n: 4, rid: null, duration: 6 });
    });

    test("does not time a run closed by an earlier success or longer than 72 hours", async () => {
      await addPings(check, [
        { kind: "start", at: T0 },
        { at: T0 + 1000 },
        { at: T0 + 2000 },
        { kind: "start", at: T0 + HOUR },
        { kind: "log", at: T0 + 2 * HOUR },
        { at: T0 + 74 * HOUR },
      ]);
      const byN = new Map((await pingsOf()).map((p) => [p.n, p]));
      expect(byN.get(2)).toHaveProperty("duration", 1);
      expect(byN.get(3)).not.toHaveProperty("duration");
      expect(byN.get(6)).not.toHaveProperty("duration");
    });

    test("looks up a start that is older than the page", async () => {
      await addPings(check, [{ kind: "start", at: T0 }, { at: T0 + 1500 }]);
      await getDb().project.update({ where: { id: fx.project.id }, data: { pingLogLimit: 1 } });
      const pings = await pingsOf();
      expect(pings).toHaveLength(1);
      expect(pings[0]).toMatchObject({ n: 2, duration: 1.5 });
    });

    test("drops all durations when more than 10 pings need a lookup", async () => {
      const unmatched = Array.from({ length: 11 }, (_, i) => ({ at: T0 + i * 1000, rid: crypto.randomUUID() }));
      await addPings(check, [...unmatched, { kind: "start", at: T0 + 20_000 }, { at: T0 + 21_000 }]);
      const pings = await pingsOf();
      expect(pings).toHaveLength(13);
      expect(pings.some((p) => "duration" in p)).toBe(false);
    });

    test("returns at most the project's ping log limit", async () => {
      await addPings(check, Array.from({ length: 5 }, (_, i) => ({ at: T0 + i })));
      await getDb().project.update({ where: { id: fx.project.id }, data: { pingLogLimit: 3 } });
      expect((await pingsOf()).map((p) => p.n)).toEqual([5, 4, 3]);
    });
  });

  describe("ping bodies", () => {
    test("returns the raw body as text/plain", async () => {
      await addPings(check, [{ at: T0, body: "héllo\n" }]);
      const res = await call("GET", `/api/v3/checks/${check.code}/pings/1/body`, { key: fx.rwKey });
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("text/plain");
      expect(Buffer.from(await res.arrayBuffer()).toString()).toBe("héllo\n");
    });

    test("answers 404 for a missing ping, an empty body or a ping past the log limit", async () => {
      await addPings(check, [{ at: T0, body: "old" }, { at: T0 + 1, body: "" }, { at: T0 + 2, body: "new" }]);
      await getDb().project.update({ where: { id: fx.project.id }, data: { pingLogLimit: 2 } });
      const status = async (n: number) =>
        (await call("GET", `/api/v3/checks/${check.code}/pings/${n}/body`, { key: fx.rwKey })).status;
      expect(await status(1)).toBe(404);
      expect(await status(2)).toBe(404);
      expect(await status(3)).toBe(200);
      expect(await status(4)).toBe(404);
    });

    test("refuses read-only keys", async () => {
      await addPings(check, [{ at: T0, body: "x" }]);
      expect((await call("GET", `/api/v3/checks/${check.code}/pings/1/body`, { key: fx.roKey })).status).toBe(401);
    });

    test.each([1, 2, 3])("answers 404 in API v%i for ping numbers no ping can have (2^53 and 2^63 and beyond)", async (version) => {
      await addPings(check, [{ at: T0, body: "x" }]);
      for (const n of ["9007199254740993", "9223372036854775808", "99999999999999999999999"]) {
        const res = await call("GET", `/api/v${version}/checks/${check.code}/pings/${n}/body`, { key: fx.rwKey });
        expect(res.status).toBe(404);
        expect(await res.text()).toBe("");
      }
    });

    test("answers 403 for another project's check before looking at the ping number", async () => {
      const theirs = await insertCheck(fx.otherProject.id);
      expect((await call("GET", `/api/v3/checks/${theirs.code}/pings/99999999999999999999999/body`, { key: fx.rwKey })).status).toBe(403);
    });
  });

  describe("flips", () => {
    const flipsAt = async (c: Check, flips: [number, string, string][]) => {
      for (const [at, oldStatus, newStatus] of flips) {
        await getDb().flip.create({ data: { checkId: c.id, createdAt: new Date(at), oldStatus, newStatus } });
      }
    };
    const get = (path: string, key = fx.rwKey) => call("GET", path, { key });

    test("lists flips newest first with up as 0 or 1", async () => {
      await flipsAt(check, [
        [T0 + 1500, "new", "up"],
        [T0 + HOUR, "up", "down"],
        [T0 + 2 * HOUR, "down", "paused"],
      ]);
      const res = await get(`/api/v3/checks/${check.code}/flips/`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        flips: [
          { timestamp: "2026-03-01T12:00:00+00:00", up: 0 },
          { timestamp: "2026-03-01T11:00:00+00:00", up: 0 },
          { timestamp: "2026-03-01T10:00:01+00:00", up: 1 },
        ],
      });
    });

    test("filters by start (inclusive) and end (exclusive)", async () => {
      await flipsAt(check, [
        [T0, "new", "up"],
        [T0 + HOUR, "up", "down"],
        [T0 + 2 * HOUR, "down", "up"],
      ]);
      const s = (T0 + HOUR) / 1000;
      const e = (T0 + 2 * HOUR) / 1000;
      const doc = await (await get(`/api/v3/checks/${check.code}/flips/?start=${s}&end=${e}`)).json();
      expect(doc.flips).toEqual([{ timestamp: "2026-03-01T11:00:00+00:00", up: 0 }]);
    });

    test("filters by seconds back from now, 0 meaning no filter", async () => {
      const now = Date.now();
      await flipsAt(check, [
        [now - 2 * HOUR, "new", "up"],
        [now - 60_000, "up", "down"],
      ]);
      expect((await (await get(`/api/v3/checks/${check.code}/flips/?seconds=3600`)).json()).flips).toHaveLength(1);
      expect((await (await get(`/api/v3/checks/${check.code}/flips/?seconds=0`)).json()).flips).toHaveLength(2);
    });

    test("answers an empty 400 for invalid filters", async () => {
      for (const qs of ["start=abc", "end=1.5", "seconds=-1", "seconds=31536001", "start=10000000001", "seconds=x"]) {
        const res = await get(`/api/v3/checks/${check.code}/flips/?${qs}`);
        expect(res.status, qs).toBe(400);
        expect(await res.text()).toBe("");
      }
    });

    test("serves flips by unique_key to read-only keys", async () => {
      await flipsAt(check, [[T0, "new", "up"]]);
      const res = await get(`/api/v3/checks/${getUniqueKey(check.code)}/flips/`, fx.roKey);
      expect(res.status).toBe(200);
      expect((await res.json()).flips).toHaveLength(1);
      expect((await get(`/api/v3/checks/${check.code}/flips/`, fx.roKey)).status).toBe(200);
    });
  });
});
