// Pruning active checks' history on both databases: raw results past PROBE_RESULT_DAYS and
// rollups past 400 days, by `vigil prune probes` and the hourly housekeeping, never pings.
import { beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { pruneProbeResults } from "../../lib/prune/prune-probe-results";
import { runHousekeeping } from "../../lib/prune/run-housekeeping";
import { runPruneTask } from "../../lib/prune/run-prune-task";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

forEachDatabase(() => {
  let check: Check;
  beforeEach(async () => {
    await resetDatabase();
    const fx = await createFixtures();
    check = await createCheck(fx.project.id, { probe: JSON.stringify({ type: "tcp", address: "127.0.0.1:1" }) });
  });

  const addResults = (dates: Date[]) =>
    getDb().probeResult.createMany({ data: dates.map((date) => ({ checkId: check.id, date, status: "healthy", rttMs: 1 })) });
  const addRollups = (starts: Date[]) =>
    getDb().probeRollup.createMany({ data: starts.map((start) => ({ checkId: check.id, period: "day", start, runs: 1 })) });
  const resultAges = async () => (await getDb().probeResult.findMany({ orderBy: { date: "asc" } })).map((r) => (NOW.getTime() - r.date.getTime()) / DAY);

  test("removes raw results older than PROBE_RESULT_DAYS (default 7) and rollups older than 400 days", async () => {
    await addResults([ago(8 * DAY), ago(7 * DAY + 1), ago(7 * DAY - 1000), ago(DAY)]);
    await addRollups([ago(401 * DAY), ago(399 * DAY)]);
    expect(await pruneProbeResults(NOW)).toEqual({ results: 2, rollups: 1 });
    expect((await resultAges()).map((d) => Math.round(d))).toEqual([7, 1]);
    expect(await getDb().probeRollup.count()).toBe(1);
  });

  test("follows PROBE_RESULT_DAYS", async () => {
    setEnv({ PROBE_RESULT_DAYS: "2" });
    try {
      await addResults([ago(3 * DAY), ago(DAY)]);
      expect(await pruneProbeResults(NOW)).toEqual({ results: 1, rollups: 0 });
    } finally {
      setEnv({ PROBE_RESULT_DAYS: undefined });
    }
  });

  test("removes a large backlog in chunks", async () => {
    await addResults(Array.from({ length: 12_000 }, (_, i) => ago(30 * DAY + i * 1000)));
    await addResults([ago(DAY)]);
    expect(await pruneProbeResults(NOW)).toEqual({ results: 12_000, rollups: 0 });
    expect(await getDb().probeResult.count()).toBe(1);
  });

  test("is the `probes` prune task, and the housekeeping runs it", async () => {
    await addResults([ago(10 * DAY)]);
    expect((await runPruneTask("probes", NOW)).summary).toBe("probes: removed 1 probe result and 0 rollups");
    await getDb().probeResult.create({ data: { checkId: check.id, date: new Date(Date.now() - 10 * DAY), status: "down", rttMs: 0 } });
    const controller = new AbortController();
    const lines: string[] = [];
    const done = runHousekeeping({ signal: controller.signal, log: (l) => (lines.push(l), controller.abort()), intervalMs: 60_000 });
    await done;
    expect(lines).toEqual(["housekeeping: removed 1 probe results and 0 rollups past their retention"]);
    expect(await getDb().probeResult.count()).toBe(0);
  });
});
