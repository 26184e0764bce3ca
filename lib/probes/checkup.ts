// `vigil check`: runs the checkers of a Checkup `checkup.json` once, with Checkup's field names
// and defaults, and reports them as Checkup does (its Result JSON) or as a table. No server and
// no database. The http, tcp, dns and tls checkers become probes; exec gets its own small runner.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { AppError } from "../errors";
import { formatTextTable } from "../format";
import { roundMs, sleep } from "./attempt";
import { parseProbeConfig } from "./config";
import { runProbe } from "./run-probe";
import type { ProbeAttempt, ProbeConfig, ProbeResult } from "./types";
import { judgeRun, median } from "./verdict";

const GO_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Go's time.ParseDuration ("10m", "1h30m", "1.5s", "300ms") in milliseconds, or null. A bare
 * number is Go's JSON form of a Duration: nanoseconds.
 */
export function parseGoDuration(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value / 1e6;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text === "0") return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let matched = 0;
  while (re.lastIndex < text.length) {
    const m = re.exec(text);
    if (!m) return null;
    total += Number(m[1]) * GO_UNITS_MS[m[2]];
    matched++;
  }
  return matched > 0 ? total : null;
}

/** One checker of checkup.json, ready to run. */
export type CheckupChecker =
  | { kind: "probe"; title: string; endpoint: string; config: ProbeConfig; ca?: string[]; thresholdMs: number }
  | {
      kind: "exec";
      title: string;
      endpoint: string;
      command: string;
      args: string[];
      thresholdMs: number;
      mustContain: string;
      mustNotContain: string;
      /** Checkup's `raise: warn`: a failure makes the run degraded instead of down. */
      warnOnly: boolean;
      attempts: number;
      spacingMs: number;
    };

function bad(message: string): never {
  throw new AppError("bad_request", `checkup.json: ${message}`);
}

function durationMs(raw: Record<string, unknown>, key: string, dflt: number, where: string): number {
  if (raw[key] === undefined || raw[key] === null) return dflt;
  const ms = parseGoDuration(raw[key]);
  if (ms === null) bad(`${where}: ${key} is not a duration like "500ms" or "10s"`);
  return ms;
}

function str(raw: Record<string, unknown>, key: string, where: string): string {
  const v = raw[key];
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") bad(`${where}: ${key} is not a string`);
  return v;
}

/** Checkup's http.Header: each name has a list of values; a plain string is taken too. */
function headersOf(raw: unknown, where: string): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) bad(`${where}: headers is not an object`);
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.map(String).join(", ") : String(v)]),
  );
}

function readPemFiles(files: unknown, where: string, baseDir: string): string[] | undefined {
  const list = files === undefined || files === null || files === "" ? [] : Array.isArray(files) ? files : [files];
  if (list.length === 0) return undefined;
  return list.map((f) => {
    if (typeof f !== "string") bad(`${where}: certificate file names must be strings`);
    try {
      return fs.readFileSync(path.resolve(baseDir, f), "utf8");
    } catch {
      bad(`${where}: cannot read ${f}`);
    }
  });
}

/**
 * A Checkup checker as one of our probes. Checkup's defaults where ours differ: http accepts
 * 200-204 unless `up_status` names one code, always sends GET without a body and never follows
 * redirects; tcp and dns time out after 1 s, http and tls after 10 s. Our timeouts are whole
 * seconds, so a sub-second one becomes 1 s.
 */
function toChecker(raw: Record<string, unknown>, index: number, baseDir: string): CheckupChecker {
  const type = raw.type;
  const title = str(raw, type === "exec" ? "name" : "endpoint_name", `checker ${index + 1}`) || str(raw, "endpoint_name", "") || `checker ${index + 1}`;
  const where = `checker "${title}"`;
  const attempts = raw.attempts === undefined ? 1 : Number(raw.attempts);
  if (!Number.isInteger(attempts)) bad(`${where}: attempts is not a whole number`);
  const thresholdMs = durationMs(raw, "threshold_rtt", 0, where);
  const spacingMs = durationMs(raw, "attempt_spacing", 0, where);
  const common = {
    attempts: Math.min(10, Math.max(1, attempts)),
    attempt_spacing: Math.round(spacingMs),
    threshold_rtt: thresholdMs > 0 ? Math.max(1, Math.round(thresholdMs)) : 0,
  };
  const seconds = (dflt: number) => Math.min(60, Math.max(1, Math.ceil(durationMs(raw, "timeout", dflt, where) / 1000)));
  const endpoint = str(raw, "endpoint_url", where);
  const probe = (input: Record<string, unknown>, ca?: string[]): CheckupChecker => {
    let config: ProbeConfig;
    try {
      config = parseProbeConfig({ ...input, ...common });
    } catch (err) {
      bad(`${where}: ${err instanceof AppError ? (err.userMessage ?? err.message) : String(err)}`);
    }
    return { kind: "probe", title, endpoint, config, ca, thresholdMs };
  };
  switch (type) {
    case "http": {
      const upStatus = raw.up_status === undefined || raw.up_status === null || raw.up_status === 0 ? "200-204" : String(raw.up_status);
      return probe({
        type: "http",
        url: endpoint,
        timeout: 10,
        expected_status: upStatus,
        headers: headersOf(raw.headers, where),
        must_contain: str(raw, "must_contain", where),
        must_not_contain: str(raw, "must_not_contain", where),
      });
    }
    case "tcp":
      return probe(
        { type: "tcp", address: endpoint, timeout: seconds(1000), tls: raw.tls === true, tls_skip_verify: raw.tls_skip_verify === true },
        readPemFiles(raw.tls_ca_file, where, baseDir),
      );
    case "dns":
      return probe({ type: "dns", hostname: str(raw, "hostname_fqdn", where), server: endpoint, timeout: seconds(1000), record_type: "A" });
    case "tls": {
      // Checkup's cert_expiry_threshold is a Go duration (default 14 days); a small bare number
      // can only mean days.
      const rawThreshold = raw.cert_expiry_threshold;
      const days =
        typeof rawThreshold === "number" && rawThreshold <= 3650
          ? rawThreshold
          : Math.floor(durationMs(raw, "cert_expiry_threshold", 14 * 86_400_000, where) / 86_400_000);
      return probe(
        { type: "tls", address: endpoint, timeout: seconds(10_000), cert_expiry_threshold: Math.min(365, days) },
        readPemFiles(raw.trusted_roots, where, baseDir),
      );
    }
    case "exec": {
      const command = str(raw, "command", where);
      if (!command) bad(`${where}: command is required`);
      const args = raw.arguments === undefined || raw.arguments === null ? [] : raw.arguments;
      if (!Array.isArray(args) || args.some((a) => typeof a !== "string")) bad(`${where}: arguments is not a list of strings`);
      const raise = str(raw, "raise", where) || "error";
      if (!["error", "warn", "warning"].includes(raise)) bad(`${where}: raise must be error or warn`);
      return {
        kind: "exec",
        title,
        endpoint: [command, ...(args as string[])].join(" "),
        command,
        args: args as string[],
        thresholdMs,
        mustContain: str(raw, "must_contain", where),
        mustNotContain: str(raw, "must_not_contain", where),
        warnOnly: raise !== "error",
        attempts: common.attempts,
        spacingMs,
      };
    }
    default:
      bad(`${where}: type must be one of http, tcp, dns, tls, exec`);
  }
}

/** The checkers of a parsed checkup.json. Throws AppError("bad_request", "checkup.json: …"). */
export function parseCheckupConfig(json: unknown, baseDir = "."): CheckupChecker[] {
  if (typeof json !== "object" || json === null || !Array.isArray((json as { checkers?: unknown }).checkers)) {
    bad('expected an object with a "checkers" list');
  }
  return (json as { checkers: unknown[] }).checkers.map((raw, i) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) bad(`checker ${i + 1} is not an object`);
    return toChecker(raw as Record<string, unknown>, i, baseDir);
  });
}

/** Reads and parses a checkup.json file; relative certificate paths are taken from `baseDir`. */
export function loadCheckupFile(file: string, baseDir: string): CheckupChecker[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new AppError("not_found", `cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError("bad_request", `${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseCheckupConfig(json, baseDir);
}

const EXEC_TIMEOUT_MS = 10_000;

function execOnce(c: Extract<CheckupChecker, { kind: "exec" }>): Promise<ProbeAttempt> {
  const start = performance.now();
  return new Promise((resolve) => {
    execFile(c.command, c.args, { timeout: EXEC_TIMEOUT_MS, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
      const total = roundMs(performance.now() - start);
      const output = `${stdout}${stderr}`;
      let error: string | null = null;
      if (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
        error = e.killed ? `timed out after ${EXEC_TIMEOUT_MS / 1000} s` : typeof e.code === "number" ? `exit status ${e.code}` : e.message;
      } else if (c.mustContain && !output.includes(c.mustContain)) {
        error = `output does not contain ${JSON.stringify(c.mustContain)}`;
      } else if (c.mustNotContain && output.includes(c.mustNotContain)) {
        error = `output contains ${JSON.stringify(c.mustNotContain)}`;
      }
      resolve({ rtt_ms: total, error, timings: { dns_ms: null, connect_ms: null, tls_ms: null, ttfb_ms: null, total_ms: total } });
    });
  });
}

async function runExec(c: Extract<CheckupChecker, { kind: "exec" }>, signal?: AbortSignal): Promise<ProbeResult> {
  const date = new Date();
  const attempts: ProbeAttempt[] = [];
  for (let i = 0; i < c.attempts; i++) {
    if (i > 0) await sleep(c.spacingMs, signal);
    attempts.push(await execOnce(c));
  }
  let verdict = judgeRun({ attempts, threshold_rtt: c.thresholdMs, cert_expires: null, cert_expiry_threshold: null, now: new Date() });
  if (verdict.status === "down" && c.warnOnly) verdict = { status: "degraded", notice: verdict.error, error: null };
  return {
    date,
    region: "local",
    status: verdict.status,
    rtt_ms: roundMs(median(attempts.map((a) => a.rtt_ms))),
    notice: verdict.notice,
    error: verdict.error,
    http_status: null,
    cert_expires: null,
    cert_issuer: null,
    resolved_ip: null,
    evidence: null,
    attempts,
  };
}

export interface CheckupRun {
  checker: CheckupChecker;
  result: ProbeResult;
}

/** Checkup's default: five checkers at a time. */
const CONCURRENCY = 5;

/**
 * Runs every checker once, five at a time, in their order. Probes may reach private addresses
 * (this runs on the user's own machine, as Checkup does); cloud metadata stays refused.
 */
export async function runCheckup(checkers: readonly CheckupChecker[], { signal }: { signal?: AbortSignal } = {}): Promise<CheckupRun[]> {
  const runs: CheckupRun[] = new Array(checkers.length);
  let next = 0;
  const worker = async () => {
    while (next < checkers.length) {
      const i = next++;
      const checker = checkers[i];
      const result =
        checker.kind === "exec"
          ? await runExec(checker, signal)
          : await runProbe(checker.config, { allowPrivate: true, signal, ca: checker.ca });
      runs[i] = { checker, result };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, checkers.length) }, worker));
  return runs;
}

const NS_PER_MS = 1e6;

/**
 * Checkup's Result JSON array: title, endpoint, timestamp (Unix nanoseconds), times (rtt in
 * nanoseconds, error when the attempt failed), threshold (ns, when set), exactly one of
 * healthy/degraded/down, and notice when there is one. Nanosecond timestamps pass 2^53, so they
 * are written as exact integers by hand.
 */
export function formatCheckupJson(runs: readonly CheckupRun[]): string {
  const stamps: string[] = [];
  const items = runs.map(({ checker, result }) => {
    stamps.push((BigInt(result.date.getTime()) * 1_000_000n).toString());
    return {
      title: checker.title,
      endpoint: checker.endpoint,
      timestamp: `@@TS${stamps.length - 1}@@`,
      times: result.attempts.map((a) => (a.error ? { rtt: Math.round(a.rtt_ms * NS_PER_MS), error: a.error } : { rtt: Math.round(a.rtt_ms * NS_PER_MS) })),
      ...(checker.thresholdMs > 0 ? { threshold: Math.round(checker.thresholdMs * NS_PER_MS) } : {}),
      [result.status]: true,
      // Checkup explains only a degraded verdict here; a down one's errors are in `times`.
      ...(result.notice ? { notice: result.notice } : {}),
    };
  });
  return JSON.stringify(items).replace(/"@@TS(\d+)@@"/g, (_m, i: string) => stamps[Number(i)]);
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)}ms`;

/** The table `vigil check` prints: name, verdict, median/min/max round trip and the notice or error. */
export function formatCheckupTable(runs: readonly CheckupRun[]): string {
  const rows = runs.map(({ checker, result }) => {
    const rtts = result.attempts.map((a) => a.rtt_ms);
    return [
      checker.title,
      result.status,
      ms(result.rtt_ms),
      ms(rtts.length ? Math.min(...rtts) : 0),
      ms(rtts.length ? Math.max(...rtts) : 0),
      result.notice ?? result.error ?? "",
    ];
  });
  const header = ["NAME", "VERDICT", "MEDIAN", "MIN", "MAX", "NOTICE"];
  return formatTextTable(header, rows);
}

/** Whether `vigil check` exits 1: any run down. Degraded runs pass, as in Checkup. */
export function isAnyDown(runs: readonly CheckupRun[]): boolean {
  return runs.some((r) => r.result.status === "down");
}
