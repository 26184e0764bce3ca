// Remote agents end to end: a Vigil server in this process, three `vigil agent` processes, each
// in a network namespace of its own ("regions" made by tests/helpers/netns.ts), probing one
// website that a region can be cut off from. The check's verdict follows the quorum of the same
// rounds; the server stopped for 60 s loses no result and stores none twice; an agent killed
// has its share taken over. Long-running (a few minutes) and bounded: every wait has a limit.
// Root and iproute2 only (CI runs as root; a skip there fails CI).
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { SYSTEM } from "../../lib/auth/actor";
import { createAgent } from "../../lib/agents/create-agent";
import { getDb, type Check } from "../../lib/db";
import { runProber } from "../../lib/prober/run-due-probes";
import { parseProbeConfig } from "../../lib/probes/config";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { createCheck, createFixtures } from "../fixtures";
import { closeAll } from "../../lib/lifecycle";
import { useTestDatabase } from "../helpers/databases";
import { canUseNamespaces, createRegions, type Region, type Regions } from "../helpers/netns";

const ROOT = path.resolve(__dirname, "../..");
const REGION_NAMES = ["eu-west", "us-east", "ap-south"];
const INTERVAL = 10;

async function waitFor<T>(what: string, limitMs: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what} after ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe.runIf(canUseNamespaces())("agents in three network namespaces", () => {
  let regions: Regions;
  let target: http.Server;
  let targetPort: number;
  let server: FrontServer;
  let port: number;
  const prober = new AbortController();
  let proberDone: Promise<void>;
  const agents: { child: ChildProcess; region: Region; name: string; log: string[] }[] = [];
  const stateRoot = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-agents-"));
  let projectId: number;

  const startServer = async (onPort = 0) => {
    server = await startFrontServer({ port: onPort, host: "0.0.0.0" });
    port = server.port;
  };

  const startAgent = async (region: Region, name: string) => {
    const { token } = await createAgent({ actor: SYSTEM, region: name, name: `${name}-${agents.length}` });
    const stateDir = path.join(stateRoot, `agent-${agents.length}`);
    const child = regions.spawnIn(region, process.execPath, [
      path.join(ROOT, "bin", "vigil.mjs"),
      "agent",
      "--server",
      `http://${region.hostAddress}:${port}`,
      "--token",
      token,
      "--region",
      name,
      "--state-dir",
      stateDir,
    ]);
    const entry = { child, region, name, log: [] as string[] };
    child.stdout?.on("data", (d: Buffer) => entry.log.push(d.toString()));
    child.stderr?.on("data", (d: Buffer) => entry.log.push(d.toString()));
    agents.push(entry);
    return entry;
  };

  const probeCheck = (regionList: string[], quorum?: number) =>
    createCheck(projectId, {
      name: `site from ${regionList.join("+")}`,
      status: "new",
      probe: JSON.stringify(
        parseProbeConfig({
          type: "http",
          url: `http://${regions.targetAddress}:${targetPort}/`,
          interval: INTERVAL,
          timeout: 2,
          regions: regionList,
          ...(quorum ? { quorum } : {}),
        }),
      ),
    });

  const statusOf = async (check: Check) => (await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).status;
  const lastPingBody = async (check: Check) => {
    const ping = await getDb().ping.findFirst({ where: { checkId: check.id }, orderBy: { n: "desc" } });
    return ping?.body ? Buffer.from(ping.body).toString("utf8") : "";
  };

  beforeAll(async () => {
    await useTestDatabase("sqlite");
    regions = createRegions(3);
    target = http.createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => target.listen(0, "0.0.0.0", r));
    targetPort = (target.address() as AddressInfo).port;
    await startServer();
    proberDone = runProber({ signal: prober.signal, log: () => {} });
    projectId = (await createFixtures()).project.id;
  }, 60_000);

  afterAll(async () => {
    for (const a of agents) a.child.kill("SIGKILL");
    prober.abort();
    await proberDone;
    await server?.close(1000);
    target?.close();
    regions?.destroy();
    fs.rmSync(stateRoot, { recursive: true, force: true });
    await closeAll();
  }, 60_000);

  test("a check probed from three regions stays up with one cut off (degraded), goes down at quorum, and comes back", async () => {
    const check = await probeCheck(REGION_NAMES, 2);
    for (let i = 0; i < 3; i++) await startAgent(regions.regions[i]!, REGION_NAMES[i]!);
    await waitFor("the check to go up", 90_000, async () => (await statusOf(check)) === "up");

    regions.cutOff(regions.regions[0]!, true);
    await waitFor("degraded with eu-west failing", 60_000, async () => (await statusOf(check)) === "degraded");
    expect(await lastPingBody(check)).toMatch(/down in eu-west/);

    regions.cutOff(regions.regions[1]!, true);
    await waitFor("down at quorum", 60_000, async () => (await statusOf(check)) === "down");
    expect(await lastPingBody(check)).toMatch(/eu-west/);
    expect(await lastPingBody(check)).toMatch(/us-east/);

    regions.cutOff(regions.regions[0]!, false);
    regions.cutOff(regions.regions[1]!, false);
    await waitFor("up again", 60_000, async () => (await statusOf(check)) === "up");
    const flips = await getDb().flip.findMany({ where: { checkId: check.id }, orderBy: { id: "asc" } });
    expect(flips.map((f) => f.newStatus)).toEqual(["up", "degraded", "down", "up"]);
  }, 300_000);

  test("with the server stopped for 60 s every result arrives afterwards, none twice", async () => {
    const check = await getDb().check.findFirstOrThrow({ where: { projectId }, orderBy: { id: "asc" } });
    const stoppedAt = Date.now();
    await server.close(1000);
    await new Promise((r) => setTimeout(r, 60_000));
    const restartedAt = Date.now();
    await startServer(port);
    // Every round of the outage, from every region, stored once.
    const first = stoppedAt + INTERVAL * 1000;
    const last = restartedAt - INTERVAL * 1000;
    await waitFor("the queued results", 90_000, async () => {
      const rows = await getDb().probeResult.findMany({
        where: { checkId: check.id, round: { gte: new Date(first), lte: new Date(last) } },
        select: { region: true, round: true },
      });
      return REGION_NAMES.every((r) => rows.filter((x) => x.region === r).length >= Math.floor((last - first) / 1000 / INTERVAL));
    });
    const rows = await getDb().probeResult.findMany({ where: { checkId: check.id }, select: { region: true, round: true } });
    const keys = rows.map((r) => `${r.region} ${r.round?.toISOString()}`);
    expect(new Set(keys).size).toBe(keys.length);
  }, 240_000);

  test("an agent killed has its share taken over by its region's other agent", async () => {
    // The first test's eu-west agent and one more (both of them when this test runs alone).
    while (agents.filter((a) => a.name === "eu-west").length < 2) await startAgent(regions.regions[0]!, "eu-west");
    const second = agents.filter((a) => a.name === "eu-west").at(-1)!;
    const checks: Check[] = [];
    for (let i = 0; i < 6; i++) checks.push(await probeCheck(["eu-west"]));
    const agentRows = await getDb().agent.findMany({ where: { region: "eu-west" }, orderBy: { id: "asc" } });
    const byAgent = async (since: Date) => {
      const rows = await getDb().probeResult.findMany({
        where: { checkId: { in: checks.map((c) => c.id) }, date: { gte: since } },
        select: { agentId: true, checkId: true },
      });
      return agentRows.map((a) => new Set(rows.filter((r) => r.agentId === a.id).map((r) => r.checkId)));
    };
    // Both agents have a share.
    const start = new Date();
    await waitFor("both eu-west agents to run a share", 90_000, async () => (await byAgent(start)).every((s) => s.size > 0));

    second.child.kill("SIGKILL");
    const killedAt = new Date();
    const survivor = agentRows.at(-2)!.id;
    await waitFor("the survivor to run every check", 120_000, async () => {
      const rows = await getDb().probeResult.findMany({
        where: { checkId: { in: checks.map((c) => c.id) }, date: { gte: killedAt }, agentId: survivor },
        select: { checkId: true },
      });
      return new Set(rows.map((r) => r.checkId)).size === checks.length;
    });
    const movedAfterS = (Date.now() - killedAt.getTime()) / 1000;
    console.log(`a killed agent's share moved to the other agent within ${movedAfterS.toFixed(1)} s (interval ${INTERVAL} s)`);
  }, 300_000);
});

// Never silently skipped where it matters: CI runs as root with iproute2 installed.
test("network namespaces are usable in CI", () => {
  if (process.env.CI === "true") expect(spawnSync("ip", ["netns", "list"]).status === 0 && canUseNamespaces()).toBe(true);
});
