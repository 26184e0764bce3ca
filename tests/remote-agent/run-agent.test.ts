// The remote agent end to end on loopback: a real agent loop (real probes against a local HTTP
// target, a real disk queue) talking real HTTP to a stand-in for the server's agent routes.
// Time runs 100x faster for the agent (an injected clock), so a 10 s interval is 0.1 s here;
// tests wait for outcomes, never for durations.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import type { AgentResult, AssignedCheck } from "../../lib/agents/protocol-v1";
import { sleep } from "../../lib/probes/attempt";
import { parseProbeConfig } from "../../lib/probes/config";
import { getPhaseMs } from "../../lib/probes/schedule";
import { runAgentCommand } from "../../lib/remote-agent/cli";
import { AgentClient } from "../../lib/remote-agent/client";
import { DiskQueue } from "../../lib/remote-agent/disk-queue";
import { runAgent, type AgentClock } from "../../lib/remote-agent/run-agent";
import { StandInServer } from "./stand-in-server";

const RATE = 100;
const INTERVAL_MS = 10_000;
const CHECK_A = "0b0f5c1e-1d2a-4c55-9a57-6a7b8c9d0e01";
const CHECK_B = "7c3e9f20-5b1d-4e8a-8f6c-1a2b3c4d5e02";

let target: http.Server;
let targetUrl = "";
const dirs: string[] = [];
const servers: StandInServer[] = [];

beforeAll(async () => {
  target = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/health`;
});
afterAll(() => new Promise((resolve) => target.close(resolve)));
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop().catch(() => {});
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fastClock(): AgentClock {
  const t0 = Date.now();
  return { now: () => t0 + (Date.now() - t0) * RATE, sleep: (ms, signal) => sleep(ms / RATE, signal).catch(() => {}) };
}

function check(id: string): AssignedCheck {
  return { id, probe: parseProbeConfig({ type: "http", url: targetUrl, interval: INTERVAL_MS / 1000, regions: ["eu-west"] }) };
}

async function startStandIn(ids: string[]): Promise<StandInServer> {
  const server = new StandInServer({ agent: { id: "agent-1", name: "fra-1", region: "eu-west" }, poll_seconds: 10, checks: ids.map(check) });
  await server.start();
  servers.push(server);
  return server;
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-agent-"));
  dirs.push(dir);
  return dir;
}

/** Polls `condition` until it holds; fails after 20 s saying what was awaited. */
async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Starts an agent on `dir`; `stop()` ends it and resolves with its exit code. */
async function startAgent(server: StandInServer, dir: string, { maxQueued = 1000, region = "eu-west" as string | undefined } = {}) {
  const clock = fastClock();
  const produced: AgentResult[] = [];
  const lines: string[] = [];
  const queue = await DiskQueue.open({ dir, maxQueued });
  const controller = new AbortController();
  const done = runAgent({
    client: new AgentClient({ server: server.url, token: "good-token", now: clock.now }),
    queue,
    stateDir: dir,
    region,
    concurrency: 20,
    allowPrivate: true,
    signal: controller.signal,
    log: (line) => lines.push(line),
    clock,
    batchDelayMs: 20,
    backoff: { baseMs: 20, capMs: 200 },
    onResult: (r) => produced.push(r),
  }).finally(() => queue.close());
  return {
    produced,
    lines,
    queue,
    done,
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

const ids = (results: AgentResult[]) => results.map((r) => r.id);
const onGrid = (r: AgentResult) => (r.due - getPhaseMs(r.check, INTERVAL_MS)) % INTERVAL_MS === 0;

describe("vigil agent", () => {
  test("posts results in batches, each with a fresh id, its slot as due and the agent's headers", async () => {
    const server = await startStandIn([CHECK_A, CHECK_B]);
    const agent = await startAgent(server, tempDir());
    await waitFor("six results stored", () => server.stored.length >= 6);
    expect(await agent.stop()).toBe(0);

    expect(new Set(ids(server.stored)).size).toBe(server.stored.length);
    for (const r of server.stored) {
      expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(onGrid(r)).toBe(true);
      expect(r.result).toMatchObject({ status: "healthy", region: "eu-west", http_status: 200 });
      expect(typeof r.result.date).toBe("string");
    }
    for (const id of [CHECK_A, CHECK_B]) {
      const dues = server.stored.filter((r) => r.check === id).map((r) => r.due);
      expect(dues.length).toBeGreaterThan(0);
      expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    }
    const posts = server.requests.filter((r) => r.route === "results" && r.batch);
    expect(posts.every((p) => p.batch && p.batch.results.length >= 1 && p.batch.results.length <= 500 && p.batch.dropped === 0)).toBe(true);
    for (const req of server.requests) {
      expect(req.headers.authorization).toBe("Bearer good-token");
      expect(req.headers["x-vigil-agent-version"]).toBe(packageJson.version);
      expect(Number.isFinite(req.agentTime)).toBe(true);
    }
    expect(agent.lines.some((l) => /^sent \d+ results: \d+ accepted/.test(l))).toBe(true);
  });

  test("keeps results on disk while the server is down and sends them all, in order, once it is back", async () => {
    const server = await startStandIn([CHECK_A, CHECK_B]);
    const agent = await startAgent(server, tempDir());
    await waitFor("two results stored", () => server.stored.length >= 2);
    await server.stop();
    const producedBefore = agent.produced.length;
    await waitFor("the agent to notice", () => agent.lines.some((l) => l.startsWith("server unreachable")));
    await waitFor("results made while the server is down", () => agent.produced.length >= producedBefore + 6 && agent.queue.length >= 4);
    await server.start();
    await waitFor("everything sent", () => server.stored.length >= agent.produced.length && agent.queue.length === 0);
    expect(await agent.stop()).toBe(0);

    // Every result reached the server once, in the order the agent made them.
    expect(ids(server.stored)).toEqual(ids(agent.produced).slice(0, server.stored.length));
    expect(server.stored.length).toBeGreaterThanOrEqual(producedBefore + 6);
    expect(agent.lines.some((l) => /^server reachable again \(\w+\); \d+ results queued/.test(l))).toBe(true);
  });

  test("sends a batch again when its answer is lost, and the server stores each result once", async () => {
    const server = await startStandIn([CHECK_A, CHECK_B]);
    const agent = await startAgent(server, tempDir());
    await waitFor("two results stored", () => server.stored.length >= 2);
    server.loseNextAnswer = true;
    await waitFor("the batch sent again", () => server.duplicates > 0 && agent.queue.length === 0 && server.stored.length >= agent.produced.length);
    expect(await agent.stop()).toBe(0);
    expect(ids(server.stored)).toEqual(ids(agent.produced).slice(0, server.stored.length));
    expect(agent.lines.some((l) => /^sent \d+ results: \d+ accepted, [1-9]\d* duplicates/.test(l))).toBe(true);
  });

  test("sends the queue a stopped agent left on disk, after a restart", async () => {
    const dir = tempDir();
    const server = await startStandIn([CHECK_A]);
    server.mode = "failing";
    const first = await startAgent(server, dir);
    await waitFor("three results queued", () => first.produced.length >= 3);
    expect(await first.stop()).toBe(0);
    expect(server.stored).toEqual([]);
    expect(fs.readdirSync(dir).some((f) => f.endsWith(".jsonl"))).toBe(true);

    server.mode = "ok";
    server.assignment.checks = [];
    const second = await startAgent(server, dir);
    await waitFor("the old queue sent", () => server.stored.length === first.produced.length);
    expect(await second.stop()).toBe(0);
    expect(ids(server.stored)).toEqual(ids(first.produced));
    expect(second.produced).toEqual([]);
  });

  test("drops the oldest results when the queue is full and tells the server how many", async () => {
    const server = await startStandIn([CHECK_A, CHECK_B]);
    server.mode = "failing";
    const dir = tempDir();
    const first = await startAgent(server, dir, { maxQueued: 3 });
    await waitFor("eight results made", () => first.produced.length >= 8);
    // Stopped while the server fails: every run has ended and the full queue is on disk. The
    // queue is sent by a second agent that runs nothing (no kept assignment, none handed out),
    // so no result made while sending can overflow it again.
    expect(await first.stop()).toBe(0);
    fs.rmSync(path.join(dir, "assignment.json"), { force: true });
    server.assignment.checks = [];
    server.mode = "ok";
    const second = await startAgent(server, dir, { maxQueued: 3 });
    await waitFor("the queue sent", () => {
      const last = server.requests.filter((r) => r.batch).at(-1)?.batch;
      return last !== undefined && server.stored.length + last.dropped === first.produced.length;
    });
    expect(await second.stop()).toBe(0);

    expect(second.produced).toEqual([]);
    const dropped = server.requests.filter((r) => r.batch).at(-1)?.batch?.dropped ?? 0;
    expect(dropped).toBeGreaterThanOrEqual(5);
    expect(ids(server.stored)).toEqual(ids(first.produced).slice(dropped));
    expect(server.stored).toHaveLength(3);
  });

  test("stops with the server's message when the token is refused", async () => {
    const server = await startStandIn([CHECK_A]);
    server.mode = "unauthorized";
    const agent = await startAgent(server, tempDir());
    expect(await agent.done).toBe(1);
    expect(agent.lines).toContain("agent stopped: the server refused the token: unknown or revoked agent token");

    expect(await runAgentCommand(["--server", server.url, "--token", "some-token", "--state-dir", tempDir()])).toBe(1);
  });

  test("refuses to run for another region than the token's", async () => {
    const server = await startStandIn([CHECK_A]);
    const agent = await startAgent(server, tempDir(), { region: "us-east" });
    expect(await agent.done).toBe(1);
    expect(agent.lines.at(-1)).toMatch(/region eu-west, not us-east/);
  });

  test("schedules checks the assignment adds at their next slot and stops running those it drops", async () => {
    const server = await startStandIn([CHECK_A]);
    const agent = await startAgent(server, tempDir());
    await waitFor("two results of A", () => server.stored.filter((r) => r.check === CHECK_A).length >= 2);
    server.assignment.checks = [check(CHECK_A), check(CHECK_B)];
    await waitFor("two results of B", () => server.stored.filter((r) => r.check === CHECK_B).length >= 2);
    server.assignment.checks = [check(CHECK_B)];
    const dropRequest = () => server.requests.find((r) => r.route === "assignment" && r.checks?.length === 1 && r.checks[0] === CHECK_B);
    await waitFor("the agent told A is gone", () => dropRequest() !== undefined);
    const droppedAt = dropRequest()?.agentTime ?? 0;
    await waitFor("three more results of B", () => server.stored.filter((r) => r.check === CHECK_B && r.due > droppedAt).length >= 3);
    expect(await agent.stop()).toBe(0);

    const addedAt = server.requests.find((r) => r.checks?.includes(CHECK_B))?.agentTime ?? Infinity;
    const bDues = server.stored.filter((r) => r.check === CHECK_B).map((r) => r.due);
    // Not at once: B's first run is on its grid, after the assignment that added it was asked for.
    expect(Math.min(...bDues)).toBeGreaterThan(addedAt);
    expect(server.stored.every(onGrid)).toBe(true);
    // A runs no more once the agent has the assignment without it (a run already started may end).
    expect(server.stored.filter((r) => r.check === CHECK_A && r.due > droppedAt + INTERVAL_MS)).toEqual([]);
  });

  test("a bad command line is exit code 2", async () => {
    expect(await runAgentCommand(["--server", "not a url", "--token", "t"])).toBe(2);
    expect(await runAgentCommand(["--server", "https://vigil.example.org", "--token", "t", "--concurrency", "0"])).toBe(2);
  });
});
