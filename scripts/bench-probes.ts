// `npm run bench -- --probes 10000 [--probes-seconds 180] [--pg] [--probes-burst]`: the prober
// under load. Starts a loopback HTTP target, creates N HTTP checks on a 60 s interval, runs
// `vigil probe` for the given time and prints runs due vs run, scheduling lag p50/p99/max, the
// prober's CPU share and RSS, and beside them a bare undici loop (scripts/bench-probe-floor.mjs)
// doing the same requests per second: CPU per run against the floor's CPU per request.
// The checks are created once the prober runs, each due on its own slot (what the prober gives
// a check after its first run); with --probes-burst every check is due at once, as after
// creating them all in one go, and the burst's drain time is part of the lag.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { getProcessEnv } from "../lib/env";
import { parseProbeConfig } from "../lib/probes/config";
import { getNextSlot, getPhaseMs } from "../lib/probes/schedule";
import { runPrisma } from "../prisma/run-prisma.mjs";

/** The throwaway PostgreSQL cluster bench.ts started for --pg (the part of it this file uses). */
export interface BenchCluster {
  adminUrl: string;
}

export interface ProbeBenchOptions {
  checks: number;
  seconds: number;
  /** Null: SQLite. */
  cluster: BenchCluster | null;
  burst: boolean;
}

const INTERVAL_S = 60;
// Runs before this are warm-up (process start, JIT), not measured.
const WARMUP_S = 10;
const root = path.resolve(import.meta.dirname, "..");

const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds (user + system) used so far by `pid`. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Waits for a line matching `re` on the child's stdout. */
function waitForLine(child: ChildProcess, re: RegExp, ms: number): Promise<RegExpExecArray> {
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}:\n${out}`)), ms);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
  });
}

interface Store {
  url: string;
  insertChecks(rows: { code: string; probe: string; nextProbeAt: number }[]): Promise<void>;
  /** (check code, run start ms) of every recorded run. */
  readRuns(): Promise<{ code: string; date: number }[]>;
}

async function createStore(cluster: BenchCluster | null, tmp: string): Promise<Store> {
  let url: string;
  if (cluster) {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query("CREATE DATABASE probebench");
    await admin.end();
    url = cluster.adminUrl.replace(/\/postgres$/, "/probebench");
  } else {
    url = `file:${path.join(tmp, "probebench.sqlite")}`;
  }
  const { status, output } = runPrisma(["migrate", "deploy"], { kind: cluster ? "postgres" : "sqlite", env: { ...getProcessEnv(), DATABASE_URL: url } });
  if (status !== 0) throw new Error(output);
  if (!cluster) {
    const file = url.slice(5);
    return {
      url,
      async insertChecks(rows) {
        const db = new Database(file);
        const now = Date.now();
        db.prepare("INSERT INTO users (email, created_at) VALUES ('bench@example.org', ?)").run(now);
        db.prepare("INSERT INTO projects (code, owner_id, badge_key, created_at) VALUES (?, 1, ?, ?)").run(crypto.randomUUID(), crypto.randomUUID(), now);
        const ins = db.prepare("INSERT INTO checks (code, project_id, badge_key, created_at, probe, next_probe_at, timeout, grace) VALUES (?, 1, ?, ?, ?, ?, ?, 60)");
        db.transaction(() => {
          for (const r of rows) ins.run(r.code, crypto.randomUUID(), now, r.probe, r.nextProbeAt, INTERVAL_S);
        })();
        db.close();
      },
      async readRuns() {
        const db = new Database(file, { readonly: true });
        const rows = db.prepare("SELECT c.code AS code, r.date AS date FROM probe_results r JOIN checks c ON c.id = r.check_id").all() as { code: string; date: number }[];
        db.close();
        return rows;
      },
    };
  }
  return {
    url,
    async insertChecks(rows) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("INSERT INTO users (email) VALUES ('bench@example.org')");
      await client.query("INSERT INTO projects (code, owner_id, badge_key) VALUES ($1, 1, $2)", [crypto.randomUUID(), crypto.randomUUID()]);
      await client.query("BEGIN");
      for (const r of rows) {
        await client.query(
          "INSERT INTO checks (code, project_id, badge_key, probe, next_probe_at, timeout, grace) VALUES ($1, 1, $2, $3, to_timestamp($4 / 1000.0) AT TIME ZONE 'UTC', $5, 60)",
          [r.code, crypto.randomUUID(), r.probe, r.nextProbeAt, INTERVAL_S],
        );
      }
      await client.query("COMMIT");
      await client.end();
    },
    async readRuns() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query("SELECT c.code AS code, (EXTRACT(EPOCH FROM r.date) * 1000)::float8 AS date FROM probe_results r JOIN checks c ON c.id = r.check_id");
      await client.end();
      return (rows as { code: string; date: number }[]).map((r) => ({ code: r.code, date: Number(r.date) }));
    },
  };
}

/** Runs the probe bench and prints its figures; returns the exit code (1 when a target is missed). */
export async function runProbeBench({ checks, seconds, cluster, burst }: ProbeBenchOptions): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-probe-bench-"));
  const children: ChildProcess[] = [];
  const usePg = cluster !== null;
  const cleanup = () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on("exit", cleanup);
  try {
    const concurrency = getProcessEnv().PROBE_CONCURRENCY ?? "50";
    console.log(
      `Vigil probe bench on ${usePg ? "PostgreSQL" : "SQLite"}: ${checks} HTTP checks every ${INTERVAL_S} s, ${seconds} s (${WARMUP_S} s warm-up), PROBE_CONCURRENCY ${concurrency}, ${os.cpus().length} CPUs${burst ? ", all due at once" : ""}`,
    );

    const target = spawn(process.execPath, [path.join(root, "scripts", "bench-probe-target.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(target);
    const port = Number((await waitForLine(target, /port (\d+)/, 10_000))[1]);

    const store = await createStore(cluster, tmp);
    // The production runtime: vigil from dist/, compiled now if its sources changed.
    if (spawnSync(process.execPath, [path.join(root, "scripts", "build-server.mjs")], { cwd: root, stdio: "inherit" }).status !== 0) {
      throw new Error("compiling the server failed");
    }
    const prober = spawn(process.execPath, [path.join(root, "bin", "vigil.mjs"), "probe"], {
      cwd: root,
      env: { ...getProcessEnv(), DATABASE_URL: store.url, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(prober);
    let proberOutput = "";
    prober.stderr!.on("data", (d: Buffer) => (proberOutput += d.toString()));
    await waitForLine(prober, /probe is now running/, 120_000);
    // Created once the prober runs, each due on its own slot from 2 s on (or all at once).
    const seededAt = Date.now() + 2000;
    const rows = Array.from({ length: checks }, (_, i) => {
      const code = crypto.randomUUID();
      const probe = JSON.stringify(parseProbeConfig({ type: "http", url: `http://127.0.0.1:${port}/c/${i}`, interval: INTERVAL_S }));
      return { code, probe, nextProbeAt: burst ? Date.now() : getNextSlot(code, INTERVAL_S * 1000, seededAt) };
    });
    await store.insertChecks(rows);

    const started = Date.now();

    // A burst is measured from the start: draining it is what it shows.
    if (!burst) await sleep(Math.max(0, started + WARMUP_S * 1000 - Date.now()));
    const t0 = Date.now();
    const cpu0 = cpuSeconds(prober.pid!);
    let peakRss = 0;
    while (Date.now() < started + seconds * 1000) {
      peakRss = Math.max(peakRss, rssMb(prober.pid!));
      await sleep(1000);
    }
    const t1 = Date.now();
    const cpu1 = cpuSeconds(prober.pid!);
    const exited = new Promise<number | null>((resolve) => prober.once("exit", resolve));
    prober.kill("SIGTERM");
    const exitCode = await Promise.race([exited, sleep(30_000).then(() => "still running")]);

    // Runs by due slot: a run belongs to the latest slot of its check at or before its start.
    // With --probes-burst a check's first run is due when the prober starts, then on its grid.
    const runs = await store.readRuns();
    const I = INTERVAL_S * 1000;
    const byCode = new Map<string, number[]>();
    for (const { code, date } of runs) byCode.set(code, [...(byCode.get(code) ?? []), date]);
    const end = t1 - 2000; // runs due in the last 2 s may still be starting
    let dueSlots = 0;
    let ranSlots = 0;
    let runsInWindow = 0;
    // Burst only: the slot that came while a check's (late) first run was running or being
    // recorded. The prober skips it by design (the next run is the first slot after a run's
    // end), so it is counted apart rather than as skipped.
    let covered = 0;
    const lags: number[] = [];
    for (const r of rows) {
      const p = getPhaseMs(r.code, I);
      const dates = (byCode.get(r.code) ?? []).sort((x, y) => x - y);
      runsInWindow += dates.filter((d) => d >= t0 && d < t1).length;
      let gridAfter = t0 - 1;
      let rest = dates;
      if (burst) {
        dueSlots++;
        if (dates.length > 0) {
          ranSlots++;
          lags.push(dates[0] - started);
          gridAfter = dates[0];
          rest = dates.slice(1);
        }
      }
      const seen = new Set<number>();
      const firstSlot = getNextSlot(r.code, I, gridAfter);
      if (burst && dates.length > 0 && firstSlot - gridAfter <= 2000 && !rest.some((d) => d >= firstSlot && d < firstSlot + I)) {
        covered++;
        gridAfter = firstSlot;
      }
      for (let slot = getNextSlot(r.code, I, gridAfter); slot < end; slot += I) dueSlots++;
      for (const date of rest) {
        const due = Math.floor((date - p) / I) * I + p;
        if (due <= gridAfter || due >= end || seen.has(due)) continue;
        seen.add(due);
        ranSlots++;
        lags.push(date - due);
      }
    }
    lags.sort((a, b) => a - b);
    const windowS = (t1 - t0) / 1000;
    const proberCpu = cpu1 - cpu0;
    const runsPerSecond = runsInWindow / windowS;

    // The floor: the same request rate from a bare undici loop, on its own, for the same time.
    const floorSeconds = Math.min(60, Math.max(10, Math.round(windowS)));
    const floorProc = spawnSync(
      process.execPath,
      [path.join(root, "scripts", "bench-probe-floor.mjs"), `http://127.0.0.1:${port}/floor`, runsPerSecond.toFixed(3), String(floorSeconds), concurrency],
      { encoding: "utf8", timeout: (floorSeconds + 60) * 1000 },
    );
    if (floorProc.status !== 0) throw new Error(`the floor loop failed: ${floorProc.stderr}`);
    const floor = JSON.parse(floorProc.stdout.trim()) as { requests: number; failed: number; skipped: number; cpuSeconds: number; wallSeconds: number; peakRssMb: number };

    const perRunMs = (proberCpu / Math.max(1, runsInWindow)) * 1000;
    const floorPerRunMs = (floor.cpuSeconds / Math.max(1, floor.requests)) * 1000;
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    console.log(`\nmeasured ${windowS.toFixed(0)} s: ${dueSlots} runs due, ${ranSlots} run, ${dueSlots - ranSlots} skipped (${runsPerSecond.toFixed(1)} runs/s)${burst ? `; ${covered} slots passed during a check's first run` : ""}`);
    console.log(`scheduling lag (start − due): p50 ${quantile(lags, 0.5).toFixed(0)} ms, p99 ${quantile(lags, 0.99).toFixed(0)} ms, max ${quantile(lags, 1).toFixed(0)} ms`);
    console.log(`\n${"".padEnd(26)}${"runs/s".padStart(9)}${"CPU share".padStart(11)}${"CPU/run ms".padStart(12)}${"RSS MB".padStart(9)}`);
    console.log(`${"vigil probe".padEnd(26)}${runsPerSecond.toFixed(1).padStart(9)}${pct(proberCpu / windowS).padStart(11)}${perRunMs.toFixed(3).padStart(12)}${peakRss.toFixed(0).padStart(9)}`);
    console.log(
      `${"bare undici loop (floor)".padEnd(26)}${(floor.requests / floor.wallSeconds).toFixed(1).padStart(9)}${pct(floor.cpuSeconds / floor.wallSeconds).padStart(11)}${floorPerRunMs.toFixed(3).padStart(12)}${floor.peakRssMb.toFixed(0).padStart(9)}`,
    );
    const ratio = perRunMs / floorPerRunMs;
    console.log(`\nCPU per run, vigil / floor: ${ratio.toFixed(2)}x`);

    const problems: string[] = [];
    if (dueSlots > ranSlots) problems.push(`${dueSlots - ranSlots} due runs were skipped`);
    if (quantile(lags, 0.99) > 1000) problems.push(`p99 lag ${quantile(lags, 0.99).toFixed(0)} ms is above 1 s`);
    if (ratio > 2) problems.push(`CPU per run is ${ratio.toFixed(2)}x the floor's (target 2x)`);
    if (peakRss > 300) problems.push(`RSS ${peakRss.toFixed(0)} MB is above 300 MB`);
    if (exitCode !== 0) problems.push(`vigil probe did not exit 0 after SIGTERM (${String(exitCode)})${proberOutput ? `: ${proberOutput.slice(-500)}` : ""}`);
    if (floor.failed > 0) problems.push(`${floor.failed} floor requests failed`);
    console.log(problems.length ? `\nMISSED: ${problems.join("; ")}` : "\nAll targets met.");
    return problems.length ? 1 : 0;
  } finally {
    cleanup();
    process.off("exit", cleanup);
  }
}
