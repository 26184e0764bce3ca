// `npm run bench [-- --pg] [--duration 15] [--connections 32] [--checks 100] [--with-web-app | --npm-start]`
// `npm run bench -- --probes 10000 [--probes-seconds 180] [--probes-burst] [--pg]`: the prober (scripts/bench-probes.ts)
// `npm run bench -- --status-page [--duration 10] [--connections 32]`: a public status page (scripts/bench-status-page.ts)
// Starts Vigil (`vigil start`) on a fresh database, drives /ping/<uuid> with wrk from 127.0.0.1,
// then does the same to a bare node:http + driver server (scripts/bench-baseline.mjs) in the
// same run, and prints pings/s, p50/p99 latency, memory and the ratio. It checks that every ping
// wrk saw acknowledged is stored. Only loopback traffic; every phase is bounded in time.
// Memory after the load: "server" is the RSS of the process answering pings, "total" the RSS
// of every process the command left running (npm, the server and anything they started).
// `--npm-start` runs the real `npm start` path (install check, server and web app builds when
// stale, then the server with the web app, whose pages are loaded before the pings), stops it
// with SIGTERM to npm and checks that no process is left behind.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import Database from "better-sqlite3";
import { getProcessEnv } from "../lib/env";
import { runPrisma } from "../prisma/run-prisma.mjs";
import { startPostgresCluster, type PostgresCluster } from "../tests/helpers/postgres-cluster";

const { values } = parseArgs({
  options: {
    pg: { type: "boolean", default: false },
    duration: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "32" },
    checks: { type: "string", default: "100" },
    "with-web-app": { type: "boolean", default: false },
    "npm-start": { type: "boolean", default: false },
    // The prober bench instead (scripts/bench-probes.ts): N HTTP checks on a 60 s interval.
    probes: { type: "string" },
    "probes-seconds": { type: "string", default: "180" },
    "probes-burst": { type: "boolean", default: false },
    // The public status page bench instead (scripts/bench-status-page.ts).
    "status-page": { type: "boolean", default: false },
    // Writes a V8 CPU profile of the Vigil process into this folder (for finding hot spots).
    "cpu-prof": { type: "string" },
  },
});
const root = path.resolve(import.meta.dirname, "..");
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const nChecks = Number(values.checks);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
const children: ChildProcess[] = [];
let cluster: PostgresCluster | null = null;

function cleanup(): void {
  for (const c of children) c.kill("SIGKILL");
  cluster?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.on("exit", cleanup);
process.on("SIGINT", () => process.exit(130));

function requireWrk(): void {
  if (spawnSync("wrk", ["--version"]).error) {
    console.error("wrk is not installed: apt-get install -y wrk");
    process.exit(1);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function createDatabase(name: string): Promise<string> {
  if (!cluster) return `file:${path.join(tmp, `${name}.sqlite`)}`;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return cluster.adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** Migrates and seeds one user, one project and `nChecks` checks; returns their UUIDs. */
async function seed(url: string): Promise<string[]> {
  const { status, output } = runPrisma(["migrate", "deploy"], {
    kind: cluster ? "postgres" : "sqlite",
    env: { ...getProcessEnv(), DATABASE_URL: url },
  });
  if (status !== 0) throw new Error(output);
  const codes = Array.from({ length: nChecks }, () => crypto.randomUUID());
  const now = Date.now();
  if (!cluster) {
    const db = new Database(url.slice(5));
    db.prepare("INSERT INTO users (email, created_at) VALUES ('bench@example.org', ?)").run(now);
    db.prepare("INSERT INTO projects (code, owner_id, badge_key, created_at) VALUES (?, 1, ?, ?)").run(crypto.randomUUID(), crypto.randomUUID(), now);
    const ins = db.prepare("INSERT INTO checks (code, project_id, badge_key, created_at) VALUES (?, 1, ?, ?)");
    for (const code of codes) ins.run(code, crypto.randomUUID(), now);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("INSERT INTO users (email) VALUES ('bench@example.org')");
    await client.query("INSERT INTO projects (code, owner_id, badge_key) VALUES ($1, 1, $2)", [crypto.randomUUID(), crypto.randomUUID()]);
    for (const code of codes) {
      await client.query("INSERT INTO checks (code, project_id, badge_key) VALUES ($1, 1, $2)", [code, crypto.randomUUID()]);
    }
    await client.end();
  }
  return codes;
}

async function storedPings(url: string): Promise<number> {
  if (!cluster) {
    const db = new Database(url.slice(5), { readonly: true });
    const { n } = db.prepare("SELECT COALESCE(SUM(n_pings), 0) AS n FROM checks").get() as { n: number };
    db.close();
    return n;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SELECT COALESCE(SUM(n_pings), 0)::int AS n FROM checks");
  await client.end();
  return (rows[0] as { n: number }).n;
}

async function waitForOk(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${deadlineMs} ms`);
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** `pid` and all its descendants (Linux /proc). */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let children = "";
    try {
      for (const task of fs.readdirSync(`/proc/${out[i]}/task`)) children += ` ${fs.readFileSync(`/proc/${out[i]}/task/${task}/children`, "utf8")}`;
    } catch {
      continue;
    }
    out.push(...children.split(/\s+/).filter(Boolean).map(Number));
  }
  return out;
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "?";
  }
}

interface Memory {
  /** RSS of the process answering pings (the largest of the tree). */
  server: number;
  /** RSS summed over the whole tree. */
  total: number;
  processes: string[];
}

function measureMemory(rootPid: number): Memory {
  const tree = processTree(rootPid).map((pid) => ({ pid, rss: rssMb(pid) }));
  return {
    server: Math.max(...tree.map((p) => p.rss)),
    total: tree.reduce((sum, p) => sum + p.rss, 0),
    processes: tree.map((p) => `${p.rss.toFixed(0).padStart(5)} MB  ${commandLine(p.pid).slice(0, 100)}`),
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: string;
}

function toMs(v: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(v)!;
  return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
}

function wrk(port: number, codes: string[], seconds: number): WrkResult {
  const script = path.join(tmp, "pings.lua");
  fs.writeFileSync(
    script,
    `local reqs = {}
local headers = { ["Host"] = "127.0.0.1:${port}", ["User-Agent"] = "wrk" }
${codes.map((c, i) => `reqs[${i + 1}] = wrk.format("GET", "/ping/${c}", headers)`).join("\n")}
local i = 0
request = function()
  i = i % #reqs + 1
  return reqs[i]
end
`,
  );
  const res = spawnSync(
    "wrk",
    ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "5s", "--latency", "-s", script, `http://127.0.0.1:${port}`],
    { encoding: "utf8", timeout: (seconds + 30) * 1000 },
  );
  const out = res.stdout;
  if (res.status !== 0 || !/Requests\/sec/.test(out)) throw new Error(`wrk failed: ${res.stderr}${out}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]),
    p50: toMs(/\s50%\s+(\S+)/.exec(out)![1]),
    p99: toMs(/\s99%\s+(\S+)/.exec(out)![1]),
    requests: Number(/(\d+) requests in/.exec(out)![1]),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    errors: /Socket errors:.*/.exec(out)?.[0] ?? "",
  };
}

interface Measured extends WrkResult {
  memory: Memory;
  stored: number;
  acknowledged: number;
  /** Processes still running 15 s after SIGTERM to the command (they are then killed). */
  leftBehind: string[];
}

async function measure(name: string, start: (url: string, port: number) => ChildProcess, ready: (port: number) => Promise<void>): Promise<Measured> {
  const url = await createDatabase(name);
  const codes = await seed(url);
  const port = await freePort();
  const child = start(url, port);
  children.push(child);
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await ready(port).catch((err: unknown) => {
    throw new Error(`${name} did not start: ${String(err)}\n${output}`);
  });
  const warm = wrk(port, codes, warmup);
  const result = wrk(port, codes, duration);
  const memory = measureMemory(child.pid!);
  const tree = processTree(child.pid!);
  child.kill("SIGTERM");
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && tree.some(alive)) await new Promise((r) => setTimeout(r, 100));
  const leftBehind = tree.filter(alive).map((pid) => `${pid} ${commandLine(pid)}`);
  for (const pid of tree.filter(alive)) process.kill(pid, "SIGKILL");
  const stored = await storedPings(url);
  return { ...result, memory, stored, leftBehind, acknowledged: warm.requests - warm.non2xx + result.requests - result.non2xx };
}

/** Loads a few pages so the web app's code is in memory, as after real use. */
async function loadWebApp(port: number): Promise<void> {
  for (const page of ["/", "/accounts/login/", "/accounts/signup/", "/projects/"]) {
    const res = await fetch(`http://127.0.0.1:${port}${page}`, { redirect: "manual" });
    await res.arrayBuffer();
    if (res.status >= 500) throw new Error(`${page} answered ${res.status}`);
  }
}

async function main(): Promise<void> {
  if (!values.probes) requireWrk();
  if (values.pg) {
    cluster = await startPostgresCluster({ durable: true });
    if (!cluster) throw new Error("PostgreSQL is not installed (apt-get install -y postgresql)");
  }
  if (values["status-page"]) {
    const { runStatusPageBench } = await import("./bench-status-page");
    process.exitCode = await runStatusPageBench({ seconds: Number(values.duration), warmup, connections });
    return;
  }
  if (values.probes) {
    const { runProbeBench } = await import("./bench-probes");
    process.exitCode = await runProbeBench({ checks: Number(values.probes), seconds: Number(values["probes-seconds"]), cluster, burst: values["probes-burst"] });
    return;
  }
  const db = values.pg ? "PostgreSQL" : "SQLite";
  console.log(`Vigil ping bench on ${db}: wrk, ${connections} connections, ${nChecks} checks, ${warmup} s warm-up + ${duration} s, ${os.cpus().length} CPUs`);

  const baseline = await measure(
    "baseline",
    (url, port) =>
      spawn(process.execPath, [path.join(root, "scripts", "bench-baseline.mjs"), url, String(port)], { stdio: ["ignore", "pipe", "pipe"] }),
    (port) => waitForOk(`http://127.0.0.1:${port}/ready`, 10_000),
  );

  // The production runtime: `vigil` from dist/, compiled now if its sources changed (npm start
  // does the same itself).
  const built = fs.existsSync(path.join(root, "scripts", "build-server.mjs"))
    ? spawnSync(process.execPath, [path.join(root, "scripts", "build-server.mjs")], { cwd: root, stdio: "inherit" }).status
    : 0;
  if (built !== 0) throw new Error("compiling the server failed");
  const profile = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
  const npmStart = values["npm-start"];
  const withWebApp = npmStart || values["with-web-app"];
  const args = [...profile, path.join(root, "bin", "vigil.mjs"), "start"];
  if (!withWebApp) args.push("--no-web-app");
  const env = (url: string, port: number) => ({ ...getProcessEnv(), DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" as const });
  const vigil = await measure(
    "vigil",
    (url, port) =>
      npmStart
        ? spawn("npm", ["start"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: env(url, port) })
        : spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: env(url, port) }),
    async (port) => {
      // npm start may first build the server and the web app.
      await waitForOk(`http://127.0.0.1:${port}/api/v3/status/`, npmStart ? 1_800_000 : 120_000);
      if (withWebApp) await loadWebApp(port);
    },
  );

  const label = npmStart ? "vigil (npm start)" : `vigil${withWebApp ? "" : " (no web app)"}`;
  const row = (name: string, m: Measured) =>
    `${name.padEnd(22)}${m.rps.toFixed(0).padStart(10)}${m.p50.toFixed(2).padStart(9)}${m.p99.toFixed(2).padStart(9)}${m.memory.server.toFixed(0).padStart(11)}${m.memory.total.toFixed(0).padStart(10)}   ${m.acknowledged} acknowledged, ${m.stored} stored${m.errors ? `, ${m.errors}` : ""}`;
  console.log(`\n${"".padEnd(22)}${"pings/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"server MB".padStart(11)}${"total MB".padStart(10)}`);
  console.log(row(`bare node:http + ${values.pg ? "pg" : "better-sqlite3"}`.slice(0, 21), baseline));
  console.log(row(label, vigil));
  console.log(`\nprocesses of ${label} after the load (RSS):\n${vigil.memory.processes.map((p) => `  ${p}`).join("\n")}`);
  const ratio = vigil.rps / baseline.rps;
  console.log(`\nratio vigil / baseline: ${ratio.toFixed(2)}x`);

  const problems: string[] = [];
  if (vigil.leftBehind.length > 0) problems.push(`processes left running after SIGTERM: ${vigil.leftBehind.join("; ")}`);
  if (npmStart) {
    if (vigil.memory.server > 220) problems.push(`server RSS ${vigil.memory.server.toFixed(0)} MB is above the 220 MB target`);
    if (vigil.memory.total > 300) problems.push(`total RSS ${vigil.memory.total.toFixed(0)} MB is above the 300 MB target`);
  }
  if (vigil.stored < vigil.acknowledged) problems.push(`only ${vigil.stored} of ${vigil.acknowledged} acknowledged pings were stored`);
  if (vigil.non2xx > 0) problems.push(`${vigil.non2xx} pings were not answered 200`);
  if (values.pg) {
    if (vigil.rps < 8000) problems.push(`below the PostgreSQL target of 8,000 pings/s`);
  } else {
    if (ratio < 0.8) problems.push(`below the target of 0.8x the bare baseline`);
    if (vigil.p99 > 10) problems.push(`p99 ${vigil.p99} ms is above the 10 ms target`);
  }
  console.log(problems.length ? `\nMISSED: ${problems.join("; ")}` : "\nAll targets met.");
  process.exitCode = problems.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
