// `vigil prune` as an operator runs it: a real child process on the test database.
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { getEnv } from "../../lib/env";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = path.join(root, "bin", "vigil.mjs");
const DAY = 86_400_000;

/** Runs `vigil ...args` against this suite's database; resolves with its exit code and output. */
function vigil(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: getEnv().database.url, SECRET_KEY: "cli-test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`vigil ${args.join(" ")} did not finish:\n${stdout}${stderr}`));
    }, 60_000);
    child.on("exit", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

forEachDatabase(() => {
  let projectId: number;
  beforeEach(async () => {
    await resetDatabase();
    projectId = (await createFixtures()).project.id;
  });

  test("prune with a task removes that data only and says how much", async () => {
    const old = new Date(Date.now() - 2 * DAY);
    await getDb().tokenBucket.createMany({ data: [{ value: "rl-a", tokens: 1, updatedAt: old }, { value: "rl-b", tokens: 1, updatedAt: old }] });
    await getDb().project.update({ where: { id: projectId }, data: { pingLogLimit: 1 } });
    const check = await createCheck(projectId, { nPings: 3 });
    await getDb().ping.createMany({ data: [1, 2, 3].map((n) => ({ checkId: check.id, n, createdAt: new Date() })) });

    const res = await vigil(["prune", "tokenbuckets"]);
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    expect(res.stdout).toBe("tokenbuckets: removed 2\n");
    expect(await getDb().ping.count()).toBe(3);
  });

  test("prune without a task runs them all, and --json reports counts", async () => {
    await getDb().project.update({ where: { id: projectId }, data: { pingLogLimit: 1 } });
    const check = await createCheck(projectId, { nPings: 3 });
    await getDb().ping.createMany({ data: [1, 2, 3].map((n) => ({ checkId: check.id, n, createdAt: new Date() })) });
    await getDb().flip.create({ data: { checkId: check.id, createdAt: new Date(Date.now() - 100 * DAY), oldStatus: "up", newStatus: "down" } });

    const res = await vigil(["prune", "--json"]);
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      pings: { checks: 1, pings: 2, notifications: 0, flips: 1 },
      flips: { checks: 0, flips: 0 },
      notifications: { checks: 0, notifications: 0, testNotifications: 0 },
      tokenbuckets: { tokenBuckets: 0 },
      users: { users: 0, checks: 0, emails: [] },
      probes: { results: 0, rollups: 0 },
      statuspages: { subscribers: 0, events: 0 },
    });
    expect(await getDb().ping.count()).toBe(1);
  });

  test("an unknown task is a usage error", async () => {
    const res = await vigil(["prune", "everything"]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('unknown prune task "everything"');
    expect(res.stderr).toContain("prune [pings|flips|notifications|tokenbuckets|users|probes|statuspages|all]");
  });
});
