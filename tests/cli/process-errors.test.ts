// How a running `vigil start` reacts to errors outside any request: a PostgreSQL restart must
// not kill it, and an error nothing caught must end it (status 1) even once Next's
// process-wide handler, which only logs, is installed.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { closeAll } from "../../lib/lifecycle";
import { createTestDatabase, isPostgresAvailable, useTestDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

const root = path.resolve(import.meta.dirname, "..", "..");
const running: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function startVigil(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [path.join(root, "bin", "vigil.mjs"), "start", "--no-web-app"], {
    cwd: root,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SMTPD_PORT: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vigil start printed:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const web = /management API\s+http:\/\/[^:]+:(\d+)\//.exec(out);
      if (web) {
        clearTimeout(timer);
        resolve({ child, port: Number(web[1]), output: () => out, exited });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => reject(new Error(`vigil start exited ${code}:\n${out}`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    }
  }
});
afterAll(async () => {
  await closeAll();
});

(isPostgresAvailable() ? describe : describe.skip)("vigil start --no-web-app on PostgreSQL", () => {
  test("survives PostgreSQL closing its pooled connections and keeps recording pings", { timeout: 120_000 }, async () => {
    const url = await useTestDatabase("postgres");
    const { project } = await createFixtures();
    const check = await createCheck(project.id);
    await closeAll();
    const vigil = await startVigil({ DATABASE_URL: url });
    const ping = () => fetch(`http://127.0.0.1:${vigil.port}/ping/${check.code}`).then((r) => r.status);
    // Concurrent pings leave several idle connections in the ping pool.
    expect(await Promise.all(Array.from({ length: 30 }, ping))).toEqual(Array(30).fill(200));

    // What a restart, a failover or pg_terminate_backend does to them.
    const admin = new pg.Client({ connectionString: process.env.VIGIL_TEST_PG_ADMIN_URL });
    await admin.connect();
    const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
      new URL(url).pathname.slice(1),
    ]);
    await admin.end();
    expect(rowCount).toBeGreaterThan(0);
    await sleep(2_000);

    expect(vigil.child.exitCode, vigil.output()).toBeNull();
    expect(await ping()).toBe(200);
    // Logged once, not per connection.
    expect(vigil.output().match(/closed an idle connection of the ping pool/g)?.length).toBe(1);
  });
});

describe("vigil start and errors nothing caught", () => {
  test("exits with status 1 even with Next's log-only handler installed", { timeout: 120_000 }, async () => {
    // Installs Next's process-wide handlers as loading the web app does, and throws outside any
    // request when the test sends SIGUSR2.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-fatal-"));
    const preload = path.join(dir, "preload.mjs");
    fs.writeFileSync(
      preload,
      `import { createRequire } from "node:module";
const require = createRequire(${JSON.stringify(`${root}/`)});
require("next/dist/server/node-environment-extensions/process-error-handlers.js").installProcessErrorHandlers(false);
process.on("SIGUSR2", () => { throw new Error("thrown outside any request"); });
`,
    );
    try {
      const vigil = await startVigil({ DATABASE_URL: await createTestDatabase("sqlite"), NODE_OPTIONS: `--import ${preload}` });
      vigil.child.kill("SIGUSR2");
      const code = await Promise.race([vigil.exited, sleep(15_000).then(() => "still running")]);
      expect(code, vigil.output()).toBe(1);
      expect(vigil.output()).toContain("thrown outside any request");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
