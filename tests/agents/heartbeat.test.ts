import type { IncomingMessage } from "node:http";
import { beforeEach, expect, test } from "vitest";
import { clearHeartbeatThrottle, measureClockSkew, recordAgentHeartbeat } from "../../lib/agents/record-agent-heartbeat";
import { getSocketClientIp } from "../../lib/auth/request-trust";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { addAgent } from "./fixtures";

test.each([
  ["1700000060000", 60_000],
  ["1699999999000", -1_000],
  ["soon", null],
  ["", null],
  [undefined, null],
])("the clock skew of X-Vigil-Agent-Time %j is %j", (header, skew) => {
  expect(measureClockSkew(header, new Date(1_700_000_000_000))).toBe(skew);
});

test.each([
  ["203.0.113.9", "10.0.0.1", [], "203.0.113.9"],
  ["::ffff:203.0.113.9", undefined, [], "203.0.113.9"],
  ["10.0.0.2", "198.51.100.1, 203.0.113.9", ["10.0.0.0/8"], "203.0.113.9"],
  ["10.0.0.2", "203.0.113.9, 10.0.0.5", ["10.0.0.0/8"], "203.0.113.9"],
  ["203.0.113.1", "198.51.100.1", ["10.0.0.0/8"], "203.0.113.1"],
])("the address of peer %s with X-Forwarded-For %j behind %j is %s", (peer, xff, proxies, expected) => {
  setEnv({ TRUSTED_PROXIES: (proxies as string[]).join(",") });
  const req = { socket: { remoteAddress: peer }, headers: { "x-forwarded-for": xff } } as unknown as IncomingMessage;
  expect(getSocketClientIp(req)).toBe(expected);
  setEnv({ TRUSTED_PROXIES: undefined });
});

forEachDatabase(() => {
  beforeEach(async () => {
    await resetDatabase();
    clearHeartbeatThrottle();
  });

  test("an agent's row is written at most once a second, and a revoked agent's never", async () => {
    const { agent } = await addAgent("eu-west");
    const t0 = new Date();
    const beat = (now: Date, version: string) => recordAgentHeartbeat({ agent, version, address: "203.0.113.9", clockSkewMs: 1500, now });
    expect(await beat(t0, "1.0.0")).toBe(true);
    expect(await beat(new Date(t0.getTime() + 500), "1.0.1")).toBe(false);
    let row = await getDb().agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row).toMatchObject({ version: "1.0.0", address: "203.0.113.9", clockSkewMs: 1500 });
    expect(await beat(new Date(t0.getTime() + 1000), "1.0.2")).toBe(true);
    row = await getDb().agent.findUniqueOrThrow({ where: { id: agent.id } });
    expect(row.version).toBe("1.0.2");

    await getDb().agent.update({ where: { id: agent.id }, data: { revokedAt: new Date() } });
    await beat(new Date(t0.getTime() + 5000), "9.9.9");
    expect((await getDb().agent.findUniqueOrThrow({ where: { id: agent.id } })).version).toBe("1.0.2");
  });
});
