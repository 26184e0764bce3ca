// Rollups written from raw results, and the history reads over them, on SQLite and PostgreSQL.
import { beforeEach, expect, test } from "vitest";
import { userActor } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { getProbeSeries, getProbeUptime } from "../../lib/probes/history";
import { rollUpProbeResults } from "../../lib/probes/rollups";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

const NOW = new Date("2026-12-03T21:40:00.000Z");
const at = (iso: string) => new Date(iso);

forEachDatabase(() => {
  let fx: Awaited<ReturnType<typeof createFixtures>>;
  let checkId: number;
  let checkCode: string;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixtures();
    const check = await createCheck(fx.project.id, { probe: '{"type":"http"}' });
    ({ id: checkId, code: checkCode } = check);
  });

  const addRun = (date: Date, status: string, rttMs: number, region = "local") =>
    getDb().probeResult.create({ data: { checkId, date, status, rttMs, region } });
  const rollups = (period: string) =>
    getDb().probeRollup.findMany({ where: { period }, orderBy: [{ start: "asc" }, { region: "asc" }], select: { region: true, start: true, runs: true, failures: true, degraded: true, p50Ms: true, p95Ms: true, maxMs: true } });

  test("finished hours and days are rolled up per region once settled, and a second pass changes nothing", async () => {
    await addRun(at("2026-12-02T10:05:00Z"), "healthy", 10);
    await addRun(at("2026-12-02T10:35:00Z"), "down", 5000);
    await addRun(at("2026-12-02T10:45:00Z"), "degraded", 900);
    await addRun(at("2026-12-02T10:50:00Z"), "healthy", 20, "eu");
    await addRun(at("2026-12-03T13:10:00Z"), "healthy", 30);
    // At 21:40 the 20:00 hour has settled (ended over 15 minutes ago); the 21:00 hour has not.
    await addRun(at("2026-12-03T20:59:00Z"), "healthy", 40);
    await addRun(at("2026-12-03T21:30:00Z"), "healthy", 50);
    const written = await rollUpProbeResults({ now: NOW });
    expect(written).toEqual({ hour: 4, day: 2 });
    expect(await rollups("hour")).toEqual([
      { region: "eu", start: at("2026-12-02T10:00:00Z"), runs: 1, failures: 0, degraded: 0, p50Ms: 20, p95Ms: 20, maxMs: 20 },
      { region: "local", start: at("2026-12-02T10:00:00Z"), runs: 3, failures: 1, degraded: 1, p50Ms: 10, p95Ms: 900, maxMs: 900 },
      { region: "local", start: at("2026-12-03T13:00:00Z"), runs: 1, failures: 0, degraded: 0, p50Ms: 30, p95Ms: 30, maxMs: 30 },
      { region: "local", start: at("2026-12-03T20:00:00Z"), runs: 1, failures: 0, degraded: 0, p50Ms: 40, p95Ms: 40, maxMs: 40 },
    ]);
    // Days: only 2 December has ended (plus 15 minutes); 3 December is still going.
    expect((await rollups("day")).map((r) => [r.region, r.start.toISOString(), r.runs])).toEqual([
      ["eu", "2026-12-02T00:00:00.000Z", 1],
      ["local", "2026-12-02T00:00:00.000Z", 3],
    ]);
    expect(await rollUpProbeResults({ now: NOW })).toEqual({ hour: 0, day: 0 });
  });

  test("a rolled-up period is rewritten the same when rolled up again (two probers at once)", async () => {
    await addRun(at("2026-12-03T10:05:00Z"), "healthy", 10);
    const { rollUpPeriod } = await import("../../lib/probes/rollups");
    expect(await rollUpPeriod("hour", at("2026-12-03T10:00:00Z"))).toBe(1);
    expect(await rollUpPeriod("hour", at("2026-12-03T10:00:00Z"))).toBe(1);
    expect(await rollups("hour")).toHaveLength(1);
  });

  test("series and uptime read rollups for old periods and raw results for recent ones; degraded counts as up", async () => {
    await addRun(at("2026-12-03T10:05:00Z"), "healthy", 10);
    await addRun(at("2026-12-03T10:06:00Z"), "down", 10);
    // Older than 24 h but within 7 days.
    await addRun(at("2026-11-30T08:00:00Z"), "down", 1);
    await rollUpProbeResults({ now: NOW });
    // Recorded after the rollup pass: read raw.
    await addRun(at("2026-12-03T21:10:00Z"), "degraded", 700);
    await addRun(at("2026-12-03T21:20:00Z"), "healthy", 30);
    await rollUpProbeResults({ now: NOW });
    const actor = userActor(fx.alice.id);
    const series = await getProbeSeries({ actor, checkCode, range: "24h", now: NOW });
    expect(series.period).toBe("hour");
    expect(series.points.map((p) => [p.start.toISOString(), p.runs, p.failures, p.degraded, p.p50Ms])).toEqual([
      ["2026-12-03T10:00:00.000Z", 2, 1, 0, 10],
      ["2026-12-03T21:00:00.000Z", 2, 0, 1, 30],
    ]);
    const week = await getProbeSeries({ actor, checkCode, range: "7d", now: NOW });
    expect(week.points.map((p) => p.start.toISOString())).toEqual(["2026-11-30T08:00:00.000Z", "2026-12-03T10:00:00.000Z", "2026-12-03T21:00:00.000Z"]);
    const month = await getProbeSeries({ actor, checkCode, range: "30d", now: NOW });
    expect(month.points.map((p) => [p.start.toISOString(), p.runs])).toEqual([
      ["2026-11-30T00:00:00.000Z", 1],
      ["2026-12-03T00:00:00.000Z", 4],
    ]);
    const uptime = await getProbeUptime({ actor, checkCode, now: NOW });
    expect(uptime["24h"]).toEqual({ runs: 4, up: 3, ratio: 0.75 });
    expect(uptime["7d"]).toEqual({ runs: 5, up: 3, ratio: 0.6 });
    expect(uptime["90d"]).toEqual(uptime["7d"]);
  });

  test("history reads check access: a member reads, a stranger gets not found", async () => {
    expect((await getProbeUptime({ actor: userActor(fx.bob.id), checkCode, now: NOW }))["24h"].runs).toBe(0);
    await expect(getProbeSeries({ actor: userActor(fx.charlie.id), checkCode, range: "24h", now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });
});
