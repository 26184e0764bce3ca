// Several `vigil probe` processes against one PostgreSQL: every due check runs, and no check
// ever has two runs at once or more runs than its slots allow.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { parseProbeConfig } from "../../lib/probes/config";
import { isPostgresAvailable, useTestDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";
import { closeAll } from "../../lib/lifecycle";

const root = path.resolve(import.meta.dirname, "..", "..");
const run = isPostgresAvailable() ? describe : describe.skip;

run("several vigil probe processes on one PostgreSQL", () => {
  const children: ChildProcess[] = [];
  const active = new Map<string, number>();
  const hits = new Map<string, number>();
  let overlaps = 0;
  const server = http.createServer((req, res) => {
    const p = req.url ?? "/";
    hits.set(p, (hits.get(p) ?? 0) + 1);
    active.set(p, (active.get(p) ?? 0) + 1);
    if (active.get(p)! > 1) overlaps++;
    // Slow enough that runs of different processes overlap in time.
    setTimeout(() => {
      active.set(p, active.get(p)! - 1);
      res.end("ok");
    }, 200);
  });
  let url = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = await useTestDatabase("postgres");
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    await closeAll();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test("three probers share 40 checks on a 10 s interval: each runs on its slots, never twice at once", async () => {
    const { project } = await createFixtures();
    const port = (server.address() as AddressInfo).port;
    const checks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        createCheck(project.id, {
          probe: JSON.stringify(parseProbeConfig({ type: "http", url: `http://127.0.0.1:${port}/c/${i}`, interval: 10, timeout: 5 })),
          nextProbeAt: new Date(),
          timeout: 10,
          grace: 60,
        }),
      ),
    );
    const outputs: string[] = [];
    const started = Date.now();
    for (let i = 0; i < 3; i++) {
      const child = spawn(process.execPath, [path.join(root, "bin", "vigil.mjs"), "probe"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url, PROBE_CONCURRENCY: "8" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      outputs[i] = "";
      child.stdout!.on("data", (d: Buffer) => (outputs[i] += d.toString()));
      child.stderr!.on("data", (d: Buffer) => (outputs[i] += d.toString()));
      children.push(child);
    }
    // Until every check ran at least twice (its first run, then its slot), at most 60 s.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !checks.every((_, i) => (hits.get(`/c/${i}`) ?? 0) >= 2)) await new Promise((r) => setTimeout(r, 200));
    const elapsed = Date.now() - started;
    // SIGTERM: stop claiming, let runs in flight finish, exit 0.
    const exits = children.map((c) => new Promise<number | null>((resolve) => c.once("exit", resolve)));
    for (const c of children) c.kill("SIGTERM");
    expect(await Promise.all(exits), outputs.join("\n---\n")).toEqual([0, 0, 0]);

    expect(overlaps).toBe(0);
    // The first run at once, then one per 10 s slot: never more.
    const maxRuns = 2 + Math.ceil(elapsed / 10_000);
    for (let i = 0; i < checks.length; i++) {
      const n = hits.get(`/c/${i}`) ?? 0;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(maxRuns);
      expect(await getDb().probeResult.count({ where: { checkId: checks[i].id } })).toBe(n);
    }
    for (const out of outputs) expect(out).toContain("probe stopped");
  }, 120_000);
});
