// `npm run bench -- --status-page [--duration 10] [--connections 32]`: a public status page of 10
// components (in groups, with 90-day-old checks), open and resolved incidents and a maintenance,
// on SQLite, served by `vigil start --no-web-app`. wrk loads the HTML page and summary.json with
// keep-alive connections, then the same bytes from a bare node:http server (the ceiling,
// scripts/bench-status-ceiling.mjs) in the same run, and prints req/s, p50/p99 and bytes with the
// ratio. Targets: 10,000 req/s for each and p99 at most 20 ms. Loopback only, bounded in time.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { getProcessEnv } from "../lib/env";
import { runPrisma } from "../prisma/run-prisma.mjs";

const root = path.resolve(import.meta.dirname, "..");

export interface StatusPageBenchOptions {
  seconds: number;
  warmup: number;
  connections: number;
}

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function toMs(v: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(v)!;
  return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
}

function wrk(port: number, urlPath: string, seconds: number, connections: number, headers: string[] = []): WrkResult {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "5s", "--latency"];
  for (const h of headers) args.push("-H", h);
  args.push(`http://127.0.0.1:${port}${urlPath}`);
  const res = spawnSync("wrk", args, { encoding: "utf8", timeout: (seconds + 30) * 1000 });
  const out = res.stdout;
  if (res.status !== 0 || !/Requests\/sec/.test(out)) throw new Error(`wrk failed: ${res.stderr}${out}`);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]),
    p50: toMs(/\s50%\s+(\S+)/.exec(out)![1]),
    p99: toMs(/\s99%\s+(\S+)/.exec(out)![1]),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    errors: /Socket errors:.*/.exec(out)?.[0] ?? "",
  };
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

/** One project, 10 checks (two down or degraded), a page of 10 components, incidents and a maintenance. */
function seed(file: string): void {
  const db = new Database(file);
  const now = Date.now();
  const day = 86_400_000;
  db.prepare("INSERT INTO users (email, created_at) VALUES ('bench@example.org', ?)").run(now);
  db.prepare("INSERT INTO projects (code, owner_id, badge_key, created_at) VALUES (?, 1, ?, ?)").run(randomUUID(), randomUUID(), now);
  db.prepare(
    "INSERT INTO status_pages (code, project_id, slug, title, description, updated_at, created_at) VALUES ('benchpage', 1, 'bench', 'Bench Inc.', 'Everything Bench runs', ?, ?)",
  ).run(now, now);
  const check = db.prepare(
    "INSERT INTO checks (code, project_id, badge_key, name, status, last_ping, timeout, created_at) VALUES (?, 1, ?, ?, ?, ?, 31536000, ?)",
  );
  const component = db.prepare(
    "INSERT INTO status_components (code, page_id, check_id, name, description, group_name, position, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)",
  );
  const names = ["Website", "API", "Dashboard", "Webhooks", "Nightly backup", "Billing run", "Search", "E-mail delivery", "CDN", "Reports"];
  names.forEach((name, i) => {
    const status = i === 1 ? "down" : i === 6 ? "degraded" : "up";
    const id = Number(check.run(randomUUID(), randomUUID(), name, status, now, now - 120 * day).lastInsertRowid);
    component.run(`comp${i + 1}`, id, name, i % 3 === 0 ? `${name} for all customers` : "", i < 2 ? "" : i < 6 ? "Core" : "Jobs", i + 1, now - 120 * day, now);
  });
  const incident = db.prepare(
    "INSERT INTO status_incidents (code, page_id, kind, name, impact, scheduled_for, scheduled_until, started_at, resolved_at, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const update = db.prepare(
    "INSERT INTO status_incident_updates (code, incident_id, status, body, affected, created_at, display_at) VALUES (?, ?, ?, ?, '[]', ?, ?)",
  );
  const link = db.prepare("INSERT INTO status_incident_components (incident_id, component_id, status) VALUES (?, ?, ?)");
  const add = (kind: string, name: string, impact: string, start: number, resolved: number | null, window: [number, number] | null, updates: [string, string][], comps: number[]) => {
    const id = Number(
      incident.run(`inc${randomUUID().slice(0, 8)}`, kind, name, impact, window?.[0] ?? null, window?.[1] ?? null, start, resolved, start, resolved ?? start).lastInsertRowid,
    );
    updates.forEach(([status, body], j) => update.run(`upd${randomUUID().slice(0, 8)}`, id, status, body, start + j * 600_000, start + j * 600_000));
    for (const c of comps) link.run(id, c, kind === "maintenance" ? "under_maintenance" : "major_outage");
  };
  add("incident", "API errors for some customers", "major", now - 3_600_000, null, null, [["investigating", "We are looking into elevated error rates on the API."], ["identified", "A bad deploy; we are rolling it back."]], [2]);
  add("incident", "Slow dashboard", "minor", now - 3 * day, now - 3 * day + 7_200_000, null, [["investigating", "The dashboard loads slowly."], ["monitoring", "A fix is deployed."], ["resolved", "Back to normal."]], [3]);
  add("incident", "Webhook delays", "minor", now - 9 * day, now - 9 * day + 3_600_000, null, [["investigating", "Webhooks are delayed."], ["resolved", "All delayed webhooks were delivered."]], [4]);
  add("maintenance", "Database upgrade", "maintenance", now - day, null, [now + 2 * day, now + 2 * day + 7_200_000], [["scheduled", "Upgrading the main database."]], [1, 2, 3]);
  db.close();
}

export async function runStatusPageBench(opts: StatusPageBenchOptions): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-status-bench-"));
  const children: ChildProcess[] = [];
  const cleanup = () => {
    for (const c of children) c.kill("SIGKILL");
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on("exit", cleanup);
  try {
    const file = path.join(tmp, "bench.sqlite");
    const url = `file:${file}`;
    const migrated = runPrisma(["migrate", "deploy"], { kind: "sqlite", env: { ...getProcessEnv(), DATABASE_URL: url } });
    if (migrated.status !== 0) throw new Error(migrated.output);
    seed(file);

    const built = spawnSync(process.execPath, [path.join(root, "scripts", "build-server.mjs")], { cwd: root, stdio: "inherit" }).status;
    if (built !== 0) throw new Error("compiling the server failed");
    const port = await freePort();
    const vigil = spawn(process.execPath, [path.join(root, "bin", "vigil.mjs"), "start", "--no-web-app"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...getProcessEnv(), DATABASE_URL: url, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" },
    });
    children.push(vigil);
    let output = "";
    vigil.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    vigil.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    await waitForOk(`http://127.0.0.1:${port}/status/bench`, 120_000).catch((err: unknown) => {
      throw new Error(`vigil did not serve the page: ${String(err)}\n${output}`);
    });

    const targets = [
      { name: "HTML page", path: "/status/bench", type: "text/html; charset=utf-8" },
      { name: "summary.json", path: "/status/bench/api/v2/summary.json", type: "application/json" },
    ];
    const ceilingArgs: string[] = [];
    const sizes = new Map<string, { plain: number; gzip: number }>();
    for (const t of targets) {
      const body = Buffer.from(await (await fetch(`http://127.0.0.1:${port}${t.path}`)).arrayBuffer());
      const gz = await fetch(`http://127.0.0.1:${port}${t.path}`, { headers: { "Accept-Encoding": "gzip" } });
      // fetch decompresses; the wire size is the Content-Length header.
      sizes.set(t.path, { plain: body.length, gzip: Number(gz.headers.get("content-length") ?? 0) });
      await gz.arrayBuffer();
      const f = path.join(tmp, `${t.name.replace(/\W/g, "")}.body`);
      fs.writeFileSync(f, body);
      ceilingArgs.push(`${t.path}=${f}=${t.type}`);
    }
    const ceilingPort = await freePort();
    const ceiling = spawn(process.execPath, [path.join(root, "scripts", "bench-status-ceiling.mjs"), String(ceilingPort), ...ceilingArgs], { stdio: "ignore" });
    children.push(ceiling);
    await waitForOk(`http://127.0.0.1:${ceilingPort}/ready`, 10_000);

    console.log(
      `Vigil status page bench on SQLite: wrk, ${opts.connections} keep-alive connections, ${opts.warmup} s warm-up + ${opts.seconds} s each, ${os.cpus().length} CPUs, 10 components, 4 incidents/maintenances`,
    );
    console.log(`\n${"".padEnd(38)}${"req/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"bytes".padStart(9)}${"ratio".padStart(8)}`);
    const problems: string[] = [];
    for (const t of targets) {
      for (const gzip of [false, true]) {
        const headers = gzip ? ["Accept-Encoding: gzip"] : [];
        wrk(port, t.path, opts.warmup, opts.connections, headers);
        const v = wrk(port, t.path, opts.seconds, opts.connections, headers);
        const size = sizes.get(t.path)!;
        const label = `${t.name}${gzip ? " (gzip)" : ""}`;
        let ratio = "";
        if (!gzip) {
          wrk(ceilingPort, t.path, opts.warmup, opts.connections);
          const c = wrk(ceilingPort, t.path, opts.seconds, opts.connections);
          ratio = (v.rps / c.rps).toFixed(2);
          console.log(`${`ceiling: bare node:http, ${t.name}`.padEnd(38)}${c.rps.toFixed(0).padStart(10)}${c.p50.toFixed(2).padStart(9)}${c.p99.toFixed(2).padStart(9)}${String(size.plain).padStart(9)}`);
        }
        console.log(
          `${`vigil, ${label}`.padEnd(38)}${v.rps.toFixed(0).padStart(10)}${v.p50.toFixed(2).padStart(9)}${v.p99.toFixed(2).padStart(9)}${String(gzip ? size.gzip : size.plain).padStart(9)}${ratio.padStart(8)}${v.errors ? `  ${v.errors}` : ""}`,
        );
        if (v.non2xx > 0) problems.push(`${label}: ${v.non2xx} answers were not 200`);
        if (!gzip && v.rps < 10_000) problems.push(`${label}: ${v.rps.toFixed(0)} req/s is below the 10,000 target`);
        if (!gzip && v.p99 > 20) problems.push(`${label}: p99 ${v.p99} ms is above the 20 ms target`);
      }
    }
    const html = sizes.get("/status/bench")!.plain;
    if (html > 60 * 1024) problems.push(`the HTML page weighs ${html} bytes, above 60 KB`);
    console.log(problems.length ? `\nMISSED: ${problems.join("; ")}` : "\nAll targets met.");
    return problems.length ? 1 : 0;
  } finally {
    cleanup();
  }
}
