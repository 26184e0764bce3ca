// The real commands (bin/vigil.mjs in a child process) against the stand-in server: `vigil check
// --store` and `vigil agent`'s signal handling. No SECRET_KEY and no database in their environment.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseProbeConfig } from "../../lib/probes/config";
import { getPhaseMs } from "../../lib/probes/schedule";
import { StandInServer } from "./stand-in-server";

const bin = path.resolve(import.meta.dirname, "..", "..", "bin", "vigil.mjs");
const CHECK_WEB = "0b0f5c1e-1d2a-4c55-9a57-6a7b8c9d0e01";
const CHECK_WEB_TOO = "7c3e9f20-5b1d-4e8a-8f6c-1a2b3c4d5e02";
let dir: string;
let web: http.Server;
let server: StandInServer;

function vigil(args: string[]): { child: ChildProcess; done: Promise<{ status: number | null; stdout: string; stderr: string }>; output: () => string } {
  const env = { ...process.env };
  for (const name of ["SECRET_KEY", "DATABASE_URL", "VIGIL_SERVER", "VIGIL_AGENT_TOKEN"]) delete env[name];
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return { child, output: () => stdout, done: new Promise((resolve) => child.once("close", (status) => resolve({ status, stdout, stderr }))) };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-agent-cli-"));
  web = http.createServer((_req, res) => res.end("all good"));
  await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
  const probe = (interval: number) => parseProbeConfig({ type: "http", url, interval, regions: ["eu-west"] });
  server = new StandInServer({
    agent: { id: "agent-1", name: "fra-1", region: "eu-west" },
    poll_seconds: 60,
    checks: [
      { id: CHECK_WEB, probe: probe(60) },
      { id: CHECK_WEB_TOO, probe: probe(300) },
    ],
  });
  await server.start();
  fs.writeFileSync(
    path.join(dir, "checkup.json"),
    JSON.stringify({
      checkers: [
        { type: "http", endpoint_name: "Web", endpoint_url: url },
        { type: "tcp", endpoint_name: "Elsewhere", endpoint_url: "127.0.0.1:1" },
        { type: "exec", name: "Script", command: process.execPath, arguments: ["-e", "1"] },
      ],
    }),
  );
});

afterAll(async () => {
  await server.stop();
  await new Promise((resolve) => web.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

test("vigil check --store posts each checker's result to the assigned checks probing its target, and lists the rest", async () => {
  const { status, stdout } = await vigil(["check", "--store", "--server", server.url, "--token", "good-token", "--region", "eu-west"]).done;
  // The tcp checker is down (nothing listens on port 1): exit 1, as `vigil check`.
  expect(status).toBe(1);
  expect(stdout).toContain('not stored: "Elsewhere": no check of region eu-west assigned to this agent probes tcp 127.0.0.1:1');
  expect(stdout).toContain('not stored: "Script": exec checkers have no server check');
  expect(stdout).toContain('stored 2 of 2 results as agent "fra-1" (eu-west)');
  expect(server.stored.map((r) => r.check).sort()).toEqual([CHECK_WEB, CHECK_WEB_TOO].sort());
  for (const r of server.stored) {
    const interval = r.check === CHECK_WEB ? 60_000 : 300_000;
    expect((r.due - getPhaseMs(r.check, interval)) % interval).toBe(0);
    expect(r.result).toMatchObject({ status: "healthy", region: "eu-west", http_status: 200 });
  }
});

test("vigil check --store stops before running anything when the token is refused", async () => {
  const before = server.stored.length;
  const { status, stderr } = await vigil(["check", "--store", "--server", server.url, "--token", "wrong"]).done;
  expect(status).toBe(1);
  expect(stderr).toContain("the server refused the token: unknown or revoked agent token");
  expect(server.stored.length).toBe(before);
});

test("vigil agent runs until SIGTERM, then exits 0 with its queue on disk", async () => {
  const agent = vigil(["agent", "--server", server.url, "--token", "good-token", "--region", "eu-west", "--state-dir", "state"]);
  const deadline = Date.now() + 30_000;
  while (!agent.output().includes("assignment:") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(agent.output()).toContain('assignment: agent "fra-1" (eu-west), 2 checks');
  agent.child.kill("SIGTERM");
  const { status, stdout } = await agent.done;
  expect(status).toBe(0);
  expect(stdout).toMatch(/agent stopped; \d+ results queued in .*state/);
  expect(fs.existsSync(path.join(dir, "state", "assignment.json"))).toBe(true);
  expect(fs.existsSync(path.join(dir, "state", "agent.lock"))).toBe(false);
});
