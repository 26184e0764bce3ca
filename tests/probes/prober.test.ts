// The prober one tick at a time (runDueProbes), on SQLite and PostgreSQL, against a loopback
// HTTP target: which checks run, where their next run lands, and that a check never runs twice.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { getMetricsRegistry } from "../../lib/metrics/registry";
import { parseProbeConfig } from "../../lib/probes/config";
import { runDueProbes } from "../../lib/prober/run-due-probes";
import { getPhaseMs, getRoundStart } from "../../lib/probes/schedule";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

/** A target counting requests per path; /slow/<ms>/... answers after <ms>. */
function startTarget() {
  const hits = new Map<string, number>();
  const arrived: ((path: string) => void)[] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    for (const a of arrived.splice(0)) a(path);
    const slow = /^\/slow\/(\d+)\//.exec(path);
    setTimeout(() => res.end("ok"), slow ? Number(slow[1]) : 0);
  });
  return {
    server,
    hits,
    nextArrival: () => new Promise<string>((resolve) => arrived.push(resolve)),
    url: (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
  };
}

const target = startTarget();
beforeAll(() => new Promise<void>((resolve) => target.server.listen(0, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => target.server.close(() => resolve())));

forEachDatabase(() => {
  let projectId: number;
  beforeEach(async () => {
    await resetDatabase();
    target.hits.clear();
    ({ project: { id: projectId } } = await createFixtures());
  });

  const createProbeCheck = (path: string, { interval = 60, nextProbeAt = new Date(Date.now() - 1000), ...extra }: Record<string, unknown> & { interval?: number; nextProbeAt?: Date | null } = {}) =>
    createCheck(projectId, {
      probe: JSON.stringify(parseProbeConfig({ type: "http", url: target.url(path), interval, timeout: 5, ...(extra.probe as object) })),
      nextProbeAt,
      timeout: interval,
      grace: 60,
      ...(extra.status ? { status: extra.status as string } : {}),
    });
  const reload = (id: number) => getDb().check.findUniqueOrThrow({ where: { id } });
  const resultsOf = (checkId: number) => getDb().probeResult.findMany({ where: { checkId } });

  test("runs the due checks, records their results as pings, and leaves the checks not yet due", async () => {
    const a = await createProbeCheck("/a");
    const b = await createProbeCheck("/b");
    const later = await createProbeCheck("/later", { nextProbeAt: new Date(Date.now() + 60_000) });
    const passive = await createCheck(projectId, {});
    const reports = await runDueProbes();
    expect(reports.map((r) => r.outcome)).toEqual(["healthy", "healthy"]);
    expect(Object.fromEntries(target.hits)).toEqual({ "/a": 1, "/b": 1 });
    for (const c of [a, b]) {
      const after = await reload(c.id);
      expect(after.status).toBe("up");
      expect(await resultsOf(c.id)).toHaveLength(1);
      expect(await getDb().ping.count({ where: { checkId: c.id, scheme: "probe" } })).toBe(1);
    }
    expect((await reload(later.id)).nextProbeAt).toEqual(later.nextProbeAt);
    expect((await reload(passive.id)).nextProbeAt).toBeNull();
  });

  test("a multi-region check's run is stored for the round of its due time, and the round's verdict is the ping", async () => {
    const dueAt = new Date(Date.now() - 1000);
    const check = await createProbeCheck("/multi", { nextProbeAt: dueAt, probe: { regions: ["local", "eu-west"] } });
    expect((await runDueProbes()).map((r) => r.outcome)).toEqual(["healthy"]);
    const [row] = await resultsOf(check.id);
    expect(row).toMatchObject({ region: "local", status: "healthy", agentId: null, round: new Date(getRoundStart(check.code, 60_000, dueAt.getTime())) });
    // eu-west has no live agent: the round is complete with the server's run, and eu-west is no data.
    const pings = await getDb().ping.findMany({ where: { checkId: check.id } });
    expect(pings.map((p) => Buffer.from(p.body ?? []).toString())).toEqual(["up in local; no data from eu-west"]);
    expect((await reload(check.id)).status).toBe("up");
  });

  test("after a run, the next one is on the check's own slot of its interval, within one interval", async () => {
    const checks = await Promise.all(Array.from({ length: 20 }, (_, i) => createProbeCheck(`/spread/${i}`, { interval: 60 })));
    const before = Date.now();
    await runDueProbes();
    const seconds = new Set<number>();
    for (const c of checks) {
      const next = (await reload(c.id)).nextProbeAt!.getTime();
      expect(next).toBeGreaterThan(before);
      expect(next - before).toBeLessThanOrEqual(61_000);
      expect(next % 60_000).toBe(getPhaseMs(c.code, 60_000));
      seconds.add(Math.floor(next / 1000));
    }
    // Created together and run together, they do not come back together.
    expect(seconds.size).toBeGreaterThan(10);
  });

  test("a paused check does not run and moves on to its next slot", async () => {
    const paused = await createProbeCheck("/paused", { status: "paused" });
    expect(await runDueProbes()).toEqual([]);
    expect(target.hits.size).toBe(0);
    const next = (await reload(paused.id)).nextProbeAt!.getTime();
    expect(next).toBeGreaterThan(Date.now());
    expect(next % 60_000).toBe(getPhaseMs(paused.code, 60_000));
  });

  test("a check whose probe cannot be run leaves the schedule, and one of remote regions only is not run here", async () => {
    const broken = await createCheck(projectId, { probe: "{not json", nextProbeAt: new Date(Date.now() - 1000) });
    const remote = await createProbeCheck("/remote", { probe: { regions: ["eu-west"] } });
    expect(await runDueProbes()).toEqual([]);
    expect((await reload(broken.id)).nextProbeAt).toBeNull();
    expect((await reload(remote.id)).nextProbeAt!.getTime()).toBeGreaterThan(Date.now());
    expect(target.hits.size).toBe(0);
  });

  test("two probers ticking at once run each due check exactly once", async () => {
    const checks = await Promise.all(Array.from({ length: 30 }, (_, i) => createProbeCheck(`/slow/20/${i}`)));
    const [first, second] = await Promise.all([runDueProbes({ limit: 20 }), runDueProbes({ limit: 20 })]);
    const third = await runDueProbes();
    expect(first.length + second.length + third.length).toBe(30);
    for (let i = 0; i < 30; i++) expect(target.hits.get(`/slow/20/${i}`)).toBe(1);
    for (const c of checks) expect(await resultsOf(c.id)).toHaveLength(1);
  });

  test("a run that overruns its interval does not start a second one, and the next run follows its end", async () => {
    const check = await createProbeCheck("/slow/1500/overrun", { interval: 10 });
    const arrival = target.nextArrival();
    const running = runDueProbes();
    await arrival;
    // Well past the next slot of a 10 s interval, while the first run is still going.
    expect(await runDueProbes({ now: new Date(Date.now() + 25_000) })).toEqual([]);
    const [report] = await running;
    const ended = Date.now();
    expect(report.outcome).toBe("healthy");
    expect(target.hits.get("/slow/1500/overrun")).toBe(1);
    const next = (await reload(check.id)).nextProbeAt!.getTime();
    expect(next).toBeGreaterThan(ended - 2000);
    expect(next % 10_000).toBe(getPhaseMs(check.code, 10_000));
  });

  test("a check whose probe changes while it runs keeps the next_probe_at the change set", async () => {
    const check = await createProbeCheck("/slow/800/changed");
    const arrival = target.nextArrival();
    const running = runDueProbes();
    await arrival;
    // What updating the probe does: run at once with the new settings.
    const changedAt = new Date();
    await getDb().check.update({ where: { id: check.id }, data: { nextProbeAt: changedAt } });
    await running;
    expect((await reload(check.id)).nextProbeAt).toEqual(changedAt);
  });

  test("a run cut short by shutdown is not recorded and is due again at once", async () => {
    const check = await createProbeCheck("/slow/3000/cut");
    const controller = new AbortController();
    const arrival = target.nextArrival();
    const running = runDueProbes({ signal: controller.signal });
    await arrival;
    controller.abort();
    const [report] = await running;
    expect(report.outcome).toBe("aborted");
    expect(await resultsOf(check.id)).toHaveLength(0);
    expect((await reload(check.id)).nextProbeAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  test("a failing target records a down run, and /metrics counts runs by type and verdict", async () => {
    const check = await createProbeCheck("/x", { probe: { url: "http://127.0.0.1:1/" } });
    const [report] = await runDueProbes();
    expect(report.outcome).toBe("down");
    const [result] = await resultsOf(check.id);
    expect(result.status).toBe("down");
    const text = await getMetricsRegistry().metrics();
    expect(text).toMatch(/^vigil_probe_runs_total\{type="http",verdict="down"\} [1-9]\d*$/m);
    expect(text).toMatch(/^vigil_probe_duration_seconds_count [1-9]\d*$/m);
    expect(text).toMatch(/^vigil_probe_lag_seconds_bucket\{le="\+Inf"\} [1-9]\d*$/m);
    expect(text).toMatch(/^vigil_probes_in_flight 0$/m);
  });
});
