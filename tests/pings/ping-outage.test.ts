// Pings while the database is down or hangs: quick 503s, a bounded queue, and a log that says
// what happened once instead of once per ping.
import http from "node:http";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { setEnv } from "../../lib/env";
import { closeAll } from "../../lib/lifecycle";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { createTestDatabase, isPostgresAvailable } from "../helpers/databases";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";
import { createCheck, createFixtures } from "../fixtures";

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** GET with a client-side deadline; `status` 0 = no answer within it. */
function get(port: number, path: string, timeoutMs: number): Promise<{ status: number; body: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent, timeout: timeoutMs }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body, ms: Date.now() - started }));
    });
    req.on("timeout", () => req.destroy(new Error("no answer")));
    req.on("error", () => resolve({ status: 0, body: "", ms: Date.now() - started }));
  });
}

async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

afterAll(async () => {
  agent.destroy();
  await closeAll();
});

describe("pings while PostgreSQL refuses connections", () => {
  let server: FrontServer;
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);

  beforeAll(async () => {
    await closeAll();
    setEnv({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/vigil` });
    server = await startFrontServer({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
    errors.mockRestore();
  });

  test("answer 503 busy and log the first error, not one stack trace per ping", async () => {
    const uuid = "b5e8a3c2-1f0d-4e6a-9c7b-2d4f6a8e0c1b";
    const answers = await Promise.all(Array.from({ length: 60 }, () => get(server.port, `/ping/${uuid}`, 10_000)));
    for (let i = 0; i < 40; i++) answers.push(await get(server.port, `/ping/${uuid}/fail`, 10_000));
    expect(answers.map((a) => `${a.status} ${a.body}`)).toEqual(Array(100).fill("503 busy"));
    // The first error in full; the other 99 are counted for the periodic summary line.
    expect(errors.mock.calls.length).toBeLessThanOrEqual(2);
    expect(String(errors.mock.calls[0][0])).toContain("ping error");
  });
});

(isPostgresAvailable() ? describe : describe.skip)("pings while PostgreSQL hangs", () => {
  let server: FrontServer;
  let proxy: TcpProxy;
  let code: string;
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);

  beforeAll(async () => {
    await closeAll();
    const url = new URL(await createTestDatabase("postgres"));
    proxy = await startTcpProxy(Number(url.port));
    url.port = String(proxy.port);
    setEnv({ DATABASE_URL: url.toString(), PING_QUEUE_LIMIT: "50" });
    const { project } = await createFixtures();
    code = (await createCheck(project.id)).code;
    server = await startFrontServer({ port: 0, host: "127.0.0.1" });
  });
  afterEach(() => proxy.thaw());
  afterAll(async () => {
    await server?.close();
    await closeAll();
    await proxy?.close();
    setEnv({ PING_QUEUE_LIMIT: undefined });
    errors.mockRestore();
  });

  test("get 503 within seconds instead of no answer, at once beyond the queue bound, and recover", { timeout: 60_000 }, async () => {
    expect((await get(server.port, `/ping/${code}`, 10_000)).status).toBe(200);
    proxy.freeze();
    const answers = await Promise.all(Array.from({ length: 200 }, () => get(server.port, `/ping/${code}`, 25_000)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 0), "pings left without an answer").toHaveLength(0);
    expect(statuses).toEqual(Array(200).fill(503));
    // Those beyond the bound of 50 waiting pings did not wait for the database at all.
    expect(answers.filter((a) => a.ms < 1_000).length).toBeGreaterThanOrEqual(100);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(20_000);

    proxy.thaw();
    let after = await get(server.port, `/ping/${code}`, 15_000);
    for (let i = 0; i < 20 && after.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await get(server.port, `/ping/${code}`, 15_000);
    }
    expect(after.status).toBe(200);
  });
});
