import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { randomUUID } from "node:crypto";
import { AGENT_LIVE_MS, AGENT_POLL_SECONDS } from "../../lib/agents/liveness";
import { clearRegionChecksCache } from "../../lib/agents/probe-checks";
import { AGENT_MAX_BATCH, type AgentAssignment, type AgentResultsAnswer } from "../../lib/agents/protocol-v1";
import { clearHeartbeatThrottle } from "../../lib/agents/record-agent-heartbeat";
import { revokeAgent } from "../../lib/agents/revoke-agent";
import { SYSTEM } from "../../lib/auth/actor";
import { getDb } from "../../lib/db";
import { getRoundStart } from "../../lib/probes/schedule";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createFixtures } from "../fixtures";
import { addAgent, createProbeCheck, sampleResult, setLastSeen } from "./fixtures";

forEachDatabase(() => {
  let server: FrontServer;
  let base: string;
  let projectId: number;

  beforeAll(async () => {
    server = await startFrontServer({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    clearRegionChecksCache();
    clearHeartbeatThrottle();
    ({
      project: { id: projectId },
    } = await createFixtures());
  });

  const headers = (token: string, agentTime = Date.now()) => ({
    Authorization: `Bearer ${token}`,
    "X-Vigil-Agent-Version": "1.2.3",
    "X-Vigil-Agent-Time": String(agentTime),
    "Content-Type": "application/json",
  });
  const getAssignment = async (token: string) => {
    clearRegionChecksCache();
    const res = await fetch(`${base}/api/agent/v1/assignment`, { headers: headers(token) });
    expect(res.status).toBe(200);
    return (await res.json()) as AgentAssignment;
  };
  const post = (token: string, body: unknown, agentTime?: number) =>
    fetch(`${base}/api/agent/v1/results`, { method: "POST", headers: headers(token, agentTime), body: typeof body === "string" ? body : JSON.stringify(body) });

  test("a missing, unknown or revoked token is 401 with a JSON error", async () => {
    const { agent, token } = await addAgent("eu-west");
    expect((await fetch(`${base}/api/agent/v1/assignment`)).status).toBe(401);
    const unknown = await fetch(`${base}/api/agent/v1/assignment`, { headers: headers(`vga_${"x".repeat(43)}`) });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: "unknown or revoked agent token" });
    expect((await fetch(`${base}/api/agent/v1/assignment`, { headers: headers(token) })).status).toBe(200);
    await revokeAgent({ actor: SYSTEM, agentCode: agent.code });
    expect((await fetch(`${base}/api/agent/v1/assignment`, { headers: headers(token) })).status).toBe(401);
    expect((await post(token, { results: [], dropped: 0 })).status).toBe(401);
  });

  test("the token is stored hashed, never in clear", async () => {
    const { agent, token } = await addAgent("eu-west");
    const row = await getDb().agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
  });

  test("wrong methods and unknown endpoints answer JSON errors", async () => {
    const { token } = await addAgent("eu-west");
    const wrong = await fetch(`${base}/api/agent/v1/results`, { headers: headers(token) });
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toEqual({ error: "method not allowed" });
    expect((await fetch(`${base}/api/agent/v1/nothing`, { headers: headers(token) })).status).toBe(404);
  });

  test("an agent is assigned its region's probe checks only, and the poll records version, address and last seen", async () => {
    const { agent, token } = await addAgent("eu-west", "fra-1");
    const mine = await createProbeCheck(projectId, ["eu-west", "local"]);
    await createProbeCheck(projectId, ["us-east"]);
    await createProbeCheck(projectId, ["local"]);
    const assignment = await getAssignment(token);
    expect(assignment.agent).toEqual({ id: agent.code, name: "fra-1", region: "eu-west" });
    expect(assignment.poll_seconds).toBe(AGENT_POLL_SECONDS);
    expect(assignment.checks.map((c) => c.id)).toEqual([mine.code]);
    expect(assignment.checks[0].probe).toMatchObject({ type: "http", url: "https://example.org/", regions: ["eu-west", "local"] });
    const row = await getDb().agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row.version).toBe("1.2.3");
    expect(row.address).toBe("127.0.0.1");
    expect(row.lastSeenAt).not.toBeNull();
  });

  test("two agents in a region split its checks; when one goes silent past AGENT_LIVE_MS the other gets them all", async () => {
    const a = await addAgent("eu-west", "a");
    const b = await addAgent("eu-west", "b");
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) codes.push((await createProbeCheck(projectId, ["eu-west"])).code);
    await getAssignment(a.token);
    await getAssignment(b.token);
    const [shareA, shareB] = [(await getAssignment(a.token)).checks.map((c) => c.id), (await getAssignment(b.token)).checks.map((c) => c.id)];
    expect(shareA.length).toBeGreaterThan(0);
    expect(shareB.length).toBeGreaterThan(0);
    expect([...shareA, ...shareB].sort()).toEqual([...codes].sort());
    expect(shareA.filter((c) => shareB.includes(c))).toEqual([]);

    await setLastSeen(b.agent.id, AGENT_LIVE_MS + 1000);
    expect((await getAssignment(a.token)).checks.map((c) => c.id).sort()).toEqual([...codes].sort());
  });

  test("a batch is stored with the agent's region, round, result id and receive time; a replay counts as duplicates", async () => {
    const { agent, token } = await addAgent("eu-west");
    const check = await createProbeCheck(projectId, ["eu-west"]);
    const results = [sampleResult(check.code, Date.now() - 2000), sampleResult(check.code, Date.now() - 1000)];
    const res = await post(token, { results, dropped: 3 });
    expect(res.status).toBe(200);
    expect((await res.json()) as AgentResultsAnswer).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const rows = await getDb().probeResult.findMany({ where: { checkId: check.id }, orderBy: { date: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ region: "eu-west", agentId: agent.id, resultKey: results[0].id, status: "healthy", httpStatus: 200 });
    expect(rows[0].receivedAt).not.toBeNull();
    expect(rows[0].round?.getTime()).toBe(getRoundStart(check.code, 60_000, results[0].due));
    expect((await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).status).toBe("up");
    expect((await getDb().agent.findUniqueOrThrow({ where: { id: agent.id } })).droppedResults).toBe(3);

    const replay = await post(token, { results, dropped: 3 });
    expect(await replay.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(await getDb().probeResult.count({ where: { checkId: check.id } })).toBe(2);
  });

  test("results for unknown checks, checks of another region and malformed results are rejected one by one", async () => {
    const { token } = await addAgent("eu-west");
    const ours = await createProbeCheck(projectId, ["eu-west"]);
    const theirs = await createProbeCheck(projectId, ["us-east"]);
    const good = sampleResult(ours.code);
    const other = sampleResult(theirs.code);
    const unknown = sampleResult(randomUUID());
    const malformed = { ...sampleResult(ours.code), result: { status: "splendid" } };
    const res = await post(token, { results: [good, other, unknown, malformed], dropped: 0 });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as AgentResultsAnswer;
    expect(answer.accepted).toBe(1);
    expect(answer.duplicates).toBe(0);
    expect(answer.rejected).toEqual([
      { id: malformed.id, error: expect.stringMatching(/^malformed result: result\./) },
      { id: other.id, error: "the check is not probed from region eu-west" },
      { id: unknown.id, error: "unknown check" },
    ]);
    expect(await getDb().probeResult.count()).toBe(1);
  });

  test.each([
    ["not JSON", "{nope"],
    ["not a batch", JSON.stringify({ results: "many" })],
    ["a negative dropped count", JSON.stringify({ results: [], dropped: -1 })],
    ["an array", "[]"],
  ])("a body that is %s is 400 with a message", async (_what, body) => {
    const { token } = await addAgent("eu-west");
    const res = await post(token, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/\S/);
  });

  test("more than AGENT_MAX_BATCH results, or a body over the byte limit, is 413", async () => {
    const { token } = await addAgent("eu-west");
    const check = await createProbeCheck(projectId, ["eu-west"]);
    const many = Array.from({ length: AGENT_MAX_BATCH + 1 }, () => sampleResult(check.code));
    const res = await post(token, { results: many, dropped: 0 });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: `a batch holds at most ${AGENT_MAX_BATCH} results, got ${AGENT_MAX_BATCH + 1}` });
    const huge = await post(token, JSON.stringify({ results: [], dropped: 0, pad: "x".repeat(2 * 1024 * 1024 + 10) }));
    expect(huge.status).toBe(413);
    expect(await getDb().probeResult.count()).toBe(0);
  });

  test("the agent's clock skew is recorded, and its dates and rounds are corrected by it", async () => {
    const { agent, token } = await addAgent("eu-west");
    const check = await createProbeCheck(projectId, ["eu-west"]);
    const skew = 90_000;
    const trueRun = Date.now() - 5000;
    const result = sampleResult(check.code, trueRun + skew);
    const res = await post(token, { results: [result], dropped: 0 }, Date.now() + skew);
    expect(await res.json()).toMatchObject({ accepted: 1 });
    const row = await getDb().agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(Math.abs(row.clockSkewMs! - skew)).toBeLessThan(2000);
    const stored = await getDb().probeResult.findFirstOrThrow({ where: { checkId: check.id } });
    expect(Math.abs(stored.date.getTime() - trueRun)).toBeLessThan(2000);
    expect(stored.round!.getTime()).toBe(getRoundStart(check.code, 60_000, trueRun + skew - row.clockSkewMs!));
  });
});
