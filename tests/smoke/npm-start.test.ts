// `npm start` as a user runs it, on a clean copy of the checkout with NODE_ENV=production: it
// must build and serve without touching a tracked file, run as npm plus one server process,
// and leave nothing running when npm is stopped with SIGTERM or SIGINT.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const groups: number[] = [];

/** `pid` and its descendants (Linux /proc). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of fs.readdirSync(`/proc/${out[i]}/task`)) {
        out.push(...fs.readFileSync(`/proc/${out[i]}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number));
      }
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const commandLine = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();

/** A copy of the working tree's files as git sees them, committed in a fresh repository. */
function cleanCopy(dir: string): void {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((f) => f && fs.existsSync(path.join(root, f)));
  for (const file of files) {
    const from = path.join(root, file);
    const to = path.join(dir, file);
    const stat = fs.lstatSync(from);
    if (stat.isDirectory()) continue;
    fs.mkdirSync(path.dirname(to), { recursive: true });
    // The Prisma schema folders link the shared model file.
    if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else fs.copyFileSync(from, to);
  }
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.org", "-c", "user.name=t", ...args], { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-q", "-m", "copy");
  // The dependencies as `npm install` left them (hard links: nothing here writes into them).
  // The install marker is a real file, newer than package.json, so npm start does not reinstall.
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  const marker = path.join(dir, "node_modules", ".package-lock.json");
  fs.copyFileSync(marker, `${marker}.tmp`);
  fs.renameSync(`${marker}.tmp`, marker);
  const later = new Date(Date.now() + 1000);
  fs.utimesSync(marker, later, later);
}

interface Started {
  npm: ChildProcess;
  port: number;
  output: () => string;
}

function npmStart(dir: string): Promise<Started> {
  const npm = spawn("npm", ["start"], {
    cwd: dir,
    // No DATABASE_URL: the default SQLite file in data/, as for a user.
    env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", SECRET_KEY: "npm-start-smoke-test-secret", DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  groups.push(npm.pid!);
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed:\n${out}`)), 1_500_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const web = /management API\s+http:\/\/[^:]+:(\d+)\//.exec(out);
      if (web) {
        clearTimeout(timer);
        resolve({ npm, port: Number(web[1]), output: () => out });
      }
    };
    npm.stdout!.on("data", onData);
    npm.stderr!.on("data", onData);
    npm.on("exit", (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
  });
}

async function stopAndExpectNothingLeft(started: Started, signal: NodeJS.Signals): Promise<void> {
  const tree = processTree(started.npm.pid!);
  process.kill(started.npm.pid!, signal);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && tree.some(alive)) await new Promise((r) => setTimeout(r, 100));
  const left = tree.filter(alive);
  for (const pid of left) process.kill(pid, "SIGKILL");
  expect(left, started.output()).toEqual([]);
  expect(started.output()).toContain("sendalerts stopped");
}

describe("npm start on a clean copy with NODE_ENV=production", () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-npm-start-"));
    cleanCopy(dir);
  });
  afterAll(() => {
    // Should a test fail half-way: npm was started in its own process group.
    for (const pid of groups) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // nothing left to stop
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("builds, serves the web app and the API, and changes no tracked file", { timeout: 1_800_000 }, async () => {
    const started = await npmStart(dir);
    try {
      const base = `http://127.0.0.1:${started.port}`;
      expect(await (await fetch(`${base}/api/v3/status/`)).text()).toBe("OK");
      const login = await fetch(`${base}/accounts/login/`);
      expect(login.status).toBe(200);
      expect(login.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");

      // npm, and the server in the process npm started: no shell, wrapper, tsx or esbuild left.
      const tree = processTree(started.npm.pid!);
      expect(tree.slice(1).map(commandLine)).toEqual(["node scripts/start.mjs"]);

      expect(execFileSync("git", ["status", "--porcelain"], { cwd: dir, encoding: "utf8" })).toBe("");
    } finally {
      await stopAndExpectNothingLeft(started, "SIGTERM");
    }
  });

  test("SIGINT to npm stops the server too", { timeout: 300_000 }, async () => {
    const started = await npmStart(dir);
    expect(await (await fetch(`http://127.0.0.1:${started.port}/api/v3/status/`)).text()).toBe("OK");
    await stopAndExpectNothingLeft(started, "SIGINT");
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: dir, encoding: "utf8" })).toBe("");
  });
});
