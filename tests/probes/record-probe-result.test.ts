// Probe runs recorded through the ping path, on SQLite and PostgreSQL: the ping, the status and
// flip, and the probe_results row in one transaction, batched with other pings.
import { beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { recordPing } from "../../lib/pings/record-ping";
import { recordProbeResult } from "../../lib/pings/record-probe-result";
import type { ProbeVerdict } from "../../lib/probes/types";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";
import { makeResult } from "./fixtures";

forEachDatabase(() => {
  let projectId: number;
  beforeEach(async () => {
    await resetDatabase();
    ({ project: { id: projectId } } = await createFixtures());
  });
  const reload = (id: number) => getDb().check.findUniqueOrThrow({ where: { id } });
  const flipsOf = async (checkId: number) =>
    (await getDb().flip.findMany({ where: { checkId }, orderBy: { id: "asc" } })).map((f) => `${f.oldStatus}>${f.newStatus}:${f.reason}`);

  test("a healthy run is a success ping with its summary, and its result row holds every field", async () => {
    const check = await createCheck(projectId, { timeout: 60, grace: 60 });
    const result = makeResult("healthy");
    expect(await recordProbeResult({ checkCode: check.code, result })).toEqual({ status: 200, body: "OK" });
    const after = await reload(check.id);
    expect(after.status).toBe("up");
    const [ping] = await getDb().ping.findMany({ where: { checkId: check.id } });
    expect(ping).toMatchObject({ kind: null, scheme: "probe", ua: "Vigil probe (local)", method: "" });
    expect(Buffer.from(ping.body!).toString()).toBe("HTTP 200 in 12.3 ms");
    const rows = await getDb().probeResult.findMany({ where: { checkId: check.id } });
    expect(rows).toHaveLength(1);
    const { id: _id, attempts, ...row } = rows[0];
    expect(row).toEqual({
      checkId: check.id,
      date: result.date,
      region: "local",
      status: "healthy",
      rttMs: 12.345,
      notice: null,
      error: null,
      httpStatus: 200,
      certExpires: result.cert_expires,
      certIssuer: "CN=Test CA",
      resolvedIp: "127.0.0.1",
      evidence: null,
      // Set for agents' runs and rounds (submitProbeResults); a bare recordProbeResult leaves them empty.
      round: null,
      agentId: null,
      resultKey: null,
      receivedAt: null,
    });
    expect(JSON.parse(attempts)).toEqual(result.attempts);
  });

  test("a degraded run flips the check to degraded, a healthy one back up, and a down one down", async () => {
    const check = await createCheck(projectId, { status: "up", lastPing: new Date(), timeout: 60, grace: 60 });
    await recordProbeResult({ checkCode: check.code, result: makeResult("degraded") });
    expect((await reload(check.id)).status).toBe("degraded");
    await recordProbeResult({ checkCode: check.code, result: makeResult("healthy") });
    await recordProbeResult({ checkCode: check.code, result: makeResult("degraded") });
    await recordProbeResult({ checkCode: check.code, result: makeResult("down") });
    await recordProbeResult({ checkCode: check.code, result: makeResult("degraded") });
    expect(await flipsOf(check.id)).toEqual(["up>degraded:", "degraded>up:", "up>degraded:", "degraded>down:fail", "down>degraded:"]);
    const pings = await getDb().ping.findMany({ where: { checkId: check.id }, orderBy: { n: "asc" } });
    expect(pings.map((p) => p.kind)).toEqual([null, null, null, "fail", null]);
    expect(Buffer.from(pings[3].body!).toString()).toBe("down: connect ECONNREFUSED 127.0.0.1:1");
    expect(await getDb().probeResult.count({ where: { checkId: check.id } })).toBe(5);
    const down = await getDb().probeResult.findFirstOrThrow({ where: { checkId: check.id, status: "down" } });
    expect(down.evidence).toBe("it's <b>broken</b> \\ 'quoted'");
  });

  test("failure_threshold counts consecutive down runs", async () => {
    const check = await createCheck(projectId, { status: "up", lastPing: new Date(), failureThreshold: 2 });
    await recordProbeResult({ checkCode: check.code, result: makeResult("down") });
    expect((await reload(check.id)).status).toBe("up");
    await recordProbeResult({ checkCode: check.code, result: makeResult("down") });
    expect((await reload(check.id)).status).toBe("down");
  });

  test("runs and pings recorded at once share batches, each run with its own result row", async () => {
    const checks = await Promise.all([1, 2, 3].map(() => createCheck(projectId, { timeout: 60, grace: 60 })));
    const pending = [];
    for (let i = 0; i < 10; i++) {
      for (const [j, check] of checks.entries()) {
        const verdict: ProbeVerdict = j === 1 ? "degraded" : "healthy";
        pending.push(recordProbeResult({ checkCode: check.code, result: makeResult(verdict, { rtt_ms: i }) }));
      }
      pending.push(
        recordPing({ target: { code: checks[0].code }, action: "success", exitStatus: null, rid: null, scheme: "http", remoteAddr: null, method: "GET", ua: "", body: null, receivedAt: Date.now() }),
      );
    }
    const results = await Promise.all(pending);
    expect(results.every((r) => r.status === 200)).toBe(true);
    for (const [j, check] of checks.entries()) {
      const rows = await getDb().probeResult.findMany({ where: { checkId: check.id }, orderBy: { id: "asc" } });
      expect(rows.map((r) => r.rttMs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect((await reload(check.id)).status).toBe(j === 1 ? "degraded" : "up");
    }
    expect(await getDb().ping.count({ where: { checkId: checks[0].id } })).toBe(20);
  });

  test("a run for a check deleted meanwhile answers not found and writes nothing", async () => {
    const check = await createCheck(projectId);
    await getDb().check.delete({ where: { id: check.id } });
    expect(await recordProbeResult({ checkCode: check.code, result: makeResult("healthy") })).toEqual({ status: 404, body: "not found" });
    expect(await getDb().probeResult.count()).toBe(0);
  });
});
