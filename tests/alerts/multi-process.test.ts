// Three real sendalerts processes share one PostgreSQL database while 1,000 checks go down at
// once: every flip must be delivered exactly once (conditional updates, no double claims).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { getEnv, getProcessEnv } from "../../lib/env";
import { closeAll } from "../../lib/lifecycle";
import { isPostgresAvailable, useTestDatabase } from "../helpers/databases";
import { startHttpSink, webhookConfig, type HttpSink } from "../helpers/alerts";
import { createFixtures } from "../fixtures";

const CHECKS = 1000;
const PROCESSES = 3;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Worker {
  child: ChildProcess;
  output: string;
  exited: Promise<number | null>;
}

function startWorker(databaseUrl: string): Worker {
  const child = spawn(process.execPath, ["bin/vigil.mjs", "sendalerts"], {
    cwd: ROOT,
    env: { ...getProcessEnv(), DATABASE_URL: databaseUrl, INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const worker: Worker = {
    child,
    output: "",
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  child.stdout!.on("data", (d: Buffer) => (worker.output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (worker.output += d.toString()));
  return worker;
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopWorker(worker: Worker): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill("SIGTERM");
  const timer = setTimeout(() => worker.child.kill("SIGKILL"), 10_000);
  await worker.exited;
  clearTimeout(timer);
}

(isPostgresAvailable() ? describe : describe.skip)("several sendalerts processes on PostgreSQL", () => {
  let sink: HttpSink;
  let databaseUrl: string;
  const workers: Worker[] = [];

  beforeAll(async () => {
    sink = await startHttpSink();
    databaseUrl = await useTestDatabase("postgres", { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
  });
  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await sink.close();
    await closeAll();
  });

  test("deliver each of 1,000 simultaneous flips exactly once", { timeout: 120_000 }, async () => {
    const db = getDb();
    const { project } = await createFixtures();
    const lastPing = new Date(Date.now() - 120_000);
    await db.check.createMany({
      data: Array.from({ length: CHECKS }, (_, i) => ({
        code: randomUUID(), badgeKey: randomUUID(), projectId: project.id, name: `check ${i}`,
        status: "up", lastPing, timeout: 60, grace: 60, alertAfter: null,
      })),
    });
    const checks = await db.check.findMany({ select: { id: true, code: true } });
    await db.channel.createMany({
      data: checks.map((c) => ({
        code: randomUUID(), projectId: project.id, kind: "webhook", config: JSON.stringify(webhookConfig(`${sink.url}/${c.code}`)),
      })),
    });
    const channels = await db.channel.findMany({ select: { id: true, config: true } });
    const checkIdByUrl = new Map(checks.map((c) => [`${sink.url}/${c.code}`, c.id]));
    await db.channelCheck.createMany({
      data: channels.map((ch) => ({ channelId: ch.id, checkId: checkIdByUrl.get((JSON.parse(ch.config) as { url_down: string }).url_down)! })),
    });

    for (let i = 0; i < PROCESSES; i++) workers.push(startWorker(databaseUrl));
    await until(() => workers.every((w) => w.output.includes("sendalerts is now running")), 30_000, "the workers to start");

    // Every check's deadline passes at the same moment.
    const started = Date.now();
    await db.check.updateMany({ data: { alertAfter: new Date() } });

    try {
      await until(
        async () => (await db.notification.count({ where: { error: "" } })) >= CHECKS,
        60_000,
        "1,000 delivered notifications",
      );
    } catch (err) {
      for (const w of workers) console.log(w.output.split("\n").slice(-20).join("\n"));
      throw err;
    }
    const elapsed = Date.now() - started;
    // Give a duplicate, if there were one, time to arrive.
    await new Promise((r) => setTimeout(r, 500));
    const times = sink.requests.map((r) => r.receivedAt - started).sort((a, b) => a - b);
    console.log(`[multi-process] ${CHECKS} flips delivered by ${PROCESSES} processes in ${elapsed} ms (first webhook after ${times[0]} ms, median ${times[times.length >> 1]} ms)`);

    const perCode = new Map<string, number>();
    for (const req of sink.requests) perCode.set(req.url.slice(1), (perCode.get(req.url.slice(1)) ?? 0) + 1);
    expect(sink.requests).toHaveLength(CHECKS);
    expect(checks.every((c) => perCode.get(c.code) === 1)).toBe(true);
    expect(await db.flip.count()).toBe(CHECKS);
    expect(await db.flip.count({ where: { processedAt: null } })).toBe(0);
    expect(await db.notification.count()).toBe(CHECKS);
    expect(await db.notification.count({ where: { error: "" } })).toBe(CHECKS);
    expect(await db.check.count({ where: { status: "down" } })).toBe(CHECKS);
    // The work was shared: more than one process delivered something.
    expect(workers.filter((w) => / goes down/.test(w.output)).length).toBeGreaterThan(1);
    expect(elapsed).toBeLessThan(60_000);
    expect(getEnv().database.kind).toBe("postgres");

    await Promise.all(workers.map(stopWorker));
    for (const w of workers) expect(w.output).toContain("sendalerts stopped");
  });
});
