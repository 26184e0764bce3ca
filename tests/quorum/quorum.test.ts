// Multi-region probe checks on SQLite and PostgreSQL: runs of the same round judged together
// against the check's quorum, one ping per round, silent regions as no data, the round decided
// once, the sweeper deciding late rounds, and what status pages and alerts make of it.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, expect, test } from "vitest";
import { deliverFlip } from "../../lib/alerts/deliver-flip";
import { getDb, type Check } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { decideOverdueProbeRounds, resetRoundSweeper, ROUND_MARGIN_MS } from "../../lib/pings/decide-probe-round";
import { submitProbeResults } from "../../lib/pings/submit-probe-result";
import { parseProbeConfig } from "../../lib/probes/config";
import { getRegionFigures } from "../../lib/probes/region-figures";
import { getMaxRunMs } from "../../lib/probes/schedule";
import { AGENT_LIVE_MS } from "../../lib/agents/liveness";
import { describeSilentRegion } from "../../components/probes/probe-display";
import type { ProbeVerdict } from "../../lib/probes/types";
import { loadPageSnapshot } from "../../lib/status-pages/snapshot";
import { newStatusCode } from "../../lib/status-pages/events";
import { createChannel, useSmtpSink } from "../helpers/alerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";
import { makeResult } from "../probes/fixtures";

const REGIONS = ["local", "eu-west", "ap-south"];
const PROBE = parseProbeConfig({ type: "tcp", address: "127.0.0.1:1", interval: 60, timeout: 5, regions: REGIONS });

forEachDatabase(
  () => {
    const smtp = useSmtpSink();
    let projectId: number;
    let check: Check;
    let round: Date;

    beforeAll(() => {
      setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(smtp.port), EMAIL_USE_TLS: "False" });
    });

    beforeEach(async () => {
      await resetDatabase();
      resetRoundSweeper();
      ({ project: { id: projectId } } = await createFixtures());
      check = await createCheck(projectId, { name: "API", probe: JSON.stringify(PROBE), timeout: 60, grace: 60, status: "up", lastPing: new Date() });
      await liveAgents("eu-west", "ap-south");
      // A round just started: its deadline (start + longest run + margin) is ahead.
      round = new Date();
    });

    /** Agent rows heard from just now, so their regions count as live. */
    async function liveAgents(...regions: string[]) {
      for (const region of regions) {
        await getDb().agent.create({ data: { code: randomUUID(), region, tokenHash: randomUUID(), lastSeenAt: new Date() } });
      }
    }

    const run = (region: string, status: ProbeVerdict, at = round) =>
      submitProbeResults([{ checkCode: check.code, result: makeResult(status, { region }), round: at, agentId: null }]);

    async function runRound(verdicts: Record<string, ProbeVerdict>, at = round) {
      for (const [region, status] of Object.entries(verdicts)) expect(await run(region, status, at)).toEqual([{ status: 200, body: "OK" }]);
    }

    const reload = () => getDb().check.findUniqueOrThrow({ where: { id: check.id } });
    const pingBodies = async () =>
      (await getDb().ping.findMany({ where: { checkId: check.id }, orderBy: { n: "asc" } })).map((p) => `${p.kind ?? "success"}: ${Buffer.from(p.body ?? []).toString()}`);
    const flips = async () => (await getDb().flip.findMany({ where: { checkId: check.id }, orderBy: { id: "asc" } })).map((f) => `${f.oldStatus}>${f.newStatus}`);
    const nextRound = (n: number) => new Date(round.getTime() + n * 60_000);

    test("every region up records one success ping once the last live region reports", async () => {
      await runRound({ local: "healthy", "eu-west": "healthy" });
      expect(await pingBodies()).toEqual([]);
      await runRound({ "ap-south": "healthy" });
      expect(await pingBodies()).toEqual(["success: up in local, eu-west, ap-south"]);
      expect((await reload()).status).toBe("up");
      expect(await getDb().probeResult.count({ where: { checkId: check.id, round } })).toBe(3);
      expect(await getDb().probeRound.findMany({ where: { checkId: check.id } })).toMatchObject([
        { round, verdict: "healthy", failing: "", regions: JSON.stringify({ local: "healthy", "eu-west": "healthy", "ap-south": "healthy" }) },
      ]);
    });

    test("one failing region makes the check degraded, named in the ping, and a partial outage on its status page", async () => {
      const page = await getDb().statusPage.create({ data: { code: newStatusCode(), projectId, slug: "acme", title: "Acme" } });
      await getDb().statusComponent.create({ data: { code: newStatusCode(), pageId: page.id, checkId: check.id, name: "API" } });
      await runRound({ local: "healthy", "eu-west": "down", "ap-south": "healthy" });
      expect((await reload()).status).toBe("degraded");
      expect(await pingBodies()).toEqual(["success: down in eu-west; up in local, ap-south"]);
      expect(await getDb().probeRound.findFirst({ where: { checkId: check.id } })).toMatchObject({ verdict: "degraded", failing: "eu-west" });
      const snapshot = await loadPageSnapshot(page.id, new Date(), getDb(), { bars: false });
      expect(snapshot?.components.map((c) => c.status)).toEqual(["partial_outage"]);
      expect(snapshot?.status.description).toBe("Partial System Outage");
    });

    test("a slow region alone is degraded performance, not a partial outage", async () => {
      const page = await getDb().statusPage.create({ data: { code: newStatusCode(), projectId, slug: "acme", title: "Acme" } });
      await getDb().statusComponent.create({ data: { code: newStatusCode(), pageId: page.id, checkId: check.id, name: "API" } });
      await runRound({ local: "healthy", "eu-west": "degraded", "ap-south": "healthy" });
      expect((await reload()).status).toBe("degraded");
      const snapshot = await loadPageSnapshot(page.id, new Date(), getDb(), { bars: false });
      expect(snapshot?.components.map((c) => c.status)).toEqual(["degraded_performance"]);
    });

    test("failing regions reaching the quorum take the check down in one flip, and the alert names them", async () => {
      await createChannel(projectId, "email", { value: "ops@example.org", up: true, down: true }, [check.id], { emailVerified: true });
      await runRound({ local: "down", "eu-west": "down", "ap-south": "healthy" });
      expect((await reload()).status).toBe("down");
      expect(await flips()).toEqual(["up>down"]);
      const summary = "down in local, eu-west (quorum 2 of 3); up in ap-south";
      expect(await pingBodies()).toEqual([`fail: ${summary}`]);
      const flip = await getDb().flip.findFirstOrThrow({ where: { checkId: check.id } });
      const report = await deliverFlip(flip);
      expect(report.deliveries.map((d) => d.error)).toEqual([""]);
      await smtp.waitForMessages(1);
      expect(smtp.messages[0].text).toContain(summary);

      await runRound({ local: "healthy", "eu-west": "healthy", "ap-south": "healthy" }, nextRound(1));
      expect((await reload()).status).toBe("up");
      expect(await flips()).toEqual(["up>down", "down>up"]);
    });

    test("a region without a live agent is no data, not failing, and is not waited for", async () => {
      await getDb().agent.updateMany({ where: { region: "ap-south" }, data: { lastSeenAt: new Date(Date.now() - 3_600_000) } });
      await runRound({ local: "healthy", "eu-west": "down" });
      expect(await getDb().probeRound.findFirst({ where: { checkId: check.id } })).toMatchObject({ verdict: "degraded", failing: "eu-west" });
      expect(await pingBodies()).toEqual(["success: down in eu-west; up in local; no data from ap-south"]);
      expect((await reload()).status).toBe("degraded");
    });

    test("a round is decided once when its last results arrive at the same time", async () => {
      await runRound({ local: "healthy" });
      const both = await Promise.all([run("eu-west", "down"), run("ap-south", "down"), run("ap-south", "down")]);
      expect(both.flat()).toEqual([1, 2, 3].map(() => ({ status: 200, body: "OK" })));
      expect(await getDb().probeRound.count({ where: { checkId: check.id } })).toBe(1);
      expect(await pingBodies()).toEqual(["fail: down in eu-west, ap-south (quorum 2 of 3); up in local"]);
      expect(await flips()).toEqual(["up>down"]);
    });

    test("a replayed agent result is stored once", async () => {
      const agent = await getDb().agent.findFirstOrThrow({ where: { region: "eu-west" } });
      const item = { checkCode: check.code, result: makeResult("healthy", { region: "eu-west" }), round, agentId: agent.id, resultKey: "r-1", receivedAt: new Date() };
      await submitProbeResults([item]);
      expect(await submitProbeResults([item])).toEqual([{ status: 200, body: "OK" }]);
      expect(await getDb().probeResult.count({ where: { checkId: check.id } })).toBe(1);
    });

    test("the sweeper decides an incomplete round after its deadline with what arrived", async () => {
      await runRound({ local: "healthy", "eu-west": "down" });
      expect(await pingBodies()).toEqual([]);
      const deadline = round.getTime() + getMaxRunMs(PROBE) + ROUND_MARGIN_MS;
      expect(await decideOverdueProbeRounds({ now: new Date(deadline - 1) })).toBe(0);
      expect(await decideOverdueProbeRounds({ now: new Date(deadline) })).toBe(1);
      expect(await pingBodies()).toEqual(["success: down in eu-west; up in local; no data from ap-south"]);
      expect(await decideOverdueProbeRounds({ now: new Date(deadline) })).toBe(0);
      expect((await reload()).status).toBe("degraded");
    });

    test("a result arriving after its round's deadline decides the round with what arrived", async () => {
      const late = new Date(round.getTime() - getMaxRunMs(PROBE) - ROUND_MARGIN_MS);
      await runRound({ "eu-west": "down" }, late);
      expect(await pingBodies()).toEqual(["success: down in eu-west; no data from local, ap-south"]);
    });

    test("a round decided late records no ping when a newer round was decided first", async () => {
      const old = new Date(round.getTime() - 60_000);
      await runRound({ local: "healthy", "eu-west": "healthy", "ap-south": "healthy" });
      expect(await pingBodies()).toHaveLength(1);
      await getDb().probeResult.create({ data: { checkId: check.id, date: old, region: "eu-west", status: "down", rttMs: 1, round: old } });
      expect(await decideOverdueProbeRounds({ now: new Date(old.getTime() + getMaxRunMs(PROBE) + ROUND_MARGIN_MS) })).toBe(1);
      expect(await getDb().probeRound.count({ where: { checkId: check.id } })).toBe(2);
      expect(await pingBodies()).toEqual(["success: up in local, eu-west, ap-south"]);
    });

    test("a round no region reported records nothing", async () => {
      const config = parseProbeConfig({ ...PROBE, regions: ["eu-west", "ap-south"], quorum: undefined });
      const other = await createCheck(projectId, { probe: JSON.stringify(config), timeout: 60, grace: 60 });
      // A result of a region the check no longer lists still opens the round.
      await submitProbeResults([{ checkCode: other.code, result: makeResult("down", { region: "us-east" }), round }]);
      expect(await decideOverdueProbeRounds({ now: new Date(round.getTime() + 3_600_000 - 1) })).toBe(0);
      resetRoundSweeper();
      expect(await decideOverdueProbeRounds({ now: new Date(round.getTime() + getMaxRunMs(config) + ROUND_MARGIN_MS) })).toBe(1);
      expect(await getDb().probeRound.findFirst({ where: { checkId: other.id } })).toMatchObject({ verdict: "nodata", failing: "" });
      expect(await getDb().ping.count({ where: { checkId: other.id } })).toBe(0);
    });

    test("the check page's figures give each region's last run and hour median, and which regions are silent", async () => {
      await getDb().agent.updateMany({ where: { region: "ap-south" }, data: { lastSeenAt: new Date(Date.now() - 12 * 60_000) } });
      await runRound({ local: "healthy", "eu-west": "down" });
      await submitProbeResults([{ checkCode: check.code, result: makeResult("healthy", { region: "local", rtt_ms: 30 }), round: nextRound(1) }]);
      const figures = await getRegionFigures({ checkId: check.id, regions: REGIONS, agentLiveMs: AGENT_LIVE_MS });
      expect(figures.map((f) => [f.region, f.last?.status ?? null, f.last?.rttMs ?? null, f.p50Ms, f.runs, f.isSilent])).toEqual([
        ["local", "healthy", 30, 12.345, 2, false],
        ["eu-west", "down", 12.345, null, 1, false],
        ["ap-south", null, null, null, 0, true],
      ]);
      const silent = figures[2];
      expect(describeSilentRegion(silent.region, silent.lastSeenAt, new Date())).toBe("ap-south: no agent has reported for 12 minutes — counted as no data");
      expect(describeSilentRegion("us-east", null, new Date())).toBe("us-east: no agent has reported yet — counted as no data");
    });

    test("a check of one region records each run as a ping, as before", async () => {
      const single = await createCheck(projectId, { probe: JSON.stringify(parseProbeConfig({ type: "tcp", address: "127.0.0.1:1" })), timeout: 60, grace: 60 });
      await submitProbeResults([{ checkCode: single.code, result: makeResult("down"), round }]);
      expect((await getDb().check.findUniqueOrThrow({ where: { id: single.id } })).status).toBe("down");
      expect(await getDb().probeRound.count()).toBe(0);
      expect(await submitProbeResults([{ checkCode: randomUUID(), result: makeResult("down"), round }])).toEqual([{ status: 404, body: "not found" }]);
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
