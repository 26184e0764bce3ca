// The remote agent's loop (`vigil agent`): three parts that share a stop signal and a queue.
//   - the assignment: asked for every poll_seconds (the server says how often); kept on disk so
//     a restart while the server is away still knows what to run;
//   - the schedule: each assigned check runs on its own slots (phase + k·interval, the same
//     grid as the server's prober and every other region's agents, so regions meet in the same
//     rounds), with runProbe (the prober's code), at most `concurrency` at once; each result is
//     queued on disk with a fresh id and its slot as `due`;
//   - the sender: posts the queue in order, in batches, and acknowledges what the server answered
//     for. While the server is unreachable it backs off (up to ~30 s) and probes keep running.
// Agents never coordinate: the server splits a region's checks between its agents.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { AGENT_MAX_BATCH, AGENT_MAX_BODY_BYTES, type AgentAssignment, type AgentResult } from "../agents/protocol-v1";
import { sleep } from "../probes/attempt";
import { runProbe } from "../probes/run-probe";
import { getNextSlot, getRoundStart } from "../probes/schedule";
import type { ProbeConfig, ProbeResult } from "../probes/types";
import { AgentAuthError, AgentUnavailableError, getBackoffMs, getRegionMismatch, type AgentClient } from "./client";
import { replaceFile, type DiskQueue } from "./disk-queue";

/** The agent's sense of time for slots and polling. Tests run a faster one; the agent, the real one. */
export interface AgentClock {
  now(): number;
  /** Resolves after `ms` on this clock, or at once when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const REAL_CLOCK: AgentClock = { now: () => Date.now(), sleep: (ms, signal) => sleep(ms, signal).catch(() => {}) };

export interface RunAgentOptions {
  client: AgentClient;
  queue: DiskQueue;
  /** Where the last assignment is kept (the queue's folder). */
  stateDir: string;
  /** When set, the token's agent must be of this region, or the agent stops. */
  region?: string;
  /** Probe runs at once. */
  concurrency: number;
  allowPrivate: boolean;
  /** Abort to stop: no new runs; runs in flight get `drainMs` (default 10 s), then are cut short. */
  signal: AbortSignal;
  log: (line: string) => void;
  clock?: AgentClock;
  /** How long the sender lets results gather before posting a batch smaller than the maximum (default 1 s). */
  batchDelayMs?: number;
  /** Backoff after a failed request, real ms (default 1 s doubling to 30 s). */
  backoff?: { baseMs: number; capMs: number };
  drainMs?: number;
  /** Called with every result as it is queued. */
  onResult?: (result: AgentResult) => void;
}

interface ScheduledCheck {
  id: string;
  config: ProbeConfig;
  intervalMs: number;
  /** The next slot to run, on the agent's clock. */
  next: number;
  running: boolean;
}

const ASSIGNMENT_FILE = "assignment.json";
/** What the state folder keeps of an assignment: who the agent is and what it runs. */
type KeptAssignment = Pick<AgentAssignment, "agent" | "checks">;
// Room for the batch's envelope ({"results":[…],"dropped":N}) under the server's body limit.
const BATCH_BYTES = AGENT_MAX_BODY_BYTES - 64 * 1024;
const SKEW_WARNING_MS = 5000;

/** A ProbeResult as the protocol carries it: dates as ISO 8601. */
export function toWireResult(result: ProbeResult): AgentResult["result"] {
  return { ...result, date: result.date.toISOString(), cert_expires: result.cert_expires?.toISOString() ?? null };
}

/**
 * Runs the agent until `signal` aborts (resolves 0, once runs in flight have drained and the
 * queue is on disk) or the server refuses the token or the region does not match (resolves 1,
 * having logged why). Never throws for the server being away.
 */
export async function runAgent(options: RunAgentOptions): Promise<number> {
  const { client, queue, log, concurrency } = options;
  const clock = options.clock ?? REAL_CLOCK;
  const backoff = options.backoff ?? { baseMs: 1000, capMs: 30_000 };
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  if (options.signal.aborted) stop.abort();
  options.signal.addEventListener("abort", onOuterAbort, { once: true });
  const runs = new AbortController();
  let exitCode = 0;
  let region = options.region ?? "";
  // Per route, so a server that hands out assignments but fails results is logged once, not
  // at every retry.
  const reachable = { assignment: null as boolean | null, results: null as boolean | null };
  let warnedSkew = false;
  const checks = new Map<string, ScheduledCheck>();
  const inFlight = new Set<Promise<void>>();
  let wake = new AbortController();
  /** The assignment as last written to the state folder. */
  let lastKept = "";

  const fatal = (message: string) => {
    if (stop.signal.aborted) return;
    log(`agent stopped: ${message}`);
    exitCode = 1;
    stop.abort();
  };
  const markReachable = (route: keyof typeof reachable) => {
    if (reachable[route] === false) log(`server reachable again (${route}); ${queue.length} results queued`);
    reachable[route] = true;
  };
  const markUnreachable = (route: keyof typeof reachable, err: Error) => {
    if (reachable[route] !== false) log(`server unreachable (${err.message}); ${queue.length} results queued, probes keep running`);
    reachable[route] = false;
  };
  /** After a failed request: stops the agent on a refused token, else backs off. */
  const onRequestError = async (route: keyof typeof reachable, err: unknown, failures: number): Promise<void> => {
    if (err instanceof AgentAuthError) return fatal(`the server refused the token: ${err.message}`);
    if (stop.signal.aborted) return;
    if (!(err instanceof AgentUnavailableError)) throw err;
    markUnreachable(route, err);
    await sleep(getBackoffMs(failures, backoff), stop.signal).catch(() => {});
  };

  const applyAssignment = (assignment: KeptAssignment, fromCache: boolean) => {
    const mismatch = getRegionMismatch(assignment, options.region);
    if (mismatch) return fatal(mismatch);
    region = assignment.agent.region;
    const now = clock.now();
    const ids = new Set(assignment.checks.map((c) => c.id));
    const before = checks.size;
    let changed = false;
    for (const id of [...checks.keys()]) {
      if (!ids.has(id)) {
        checks.delete(id);
        changed = true;
      }
    }
    for (const { id, probe } of assignment.checks) {
      const intervalMs = probe.interval * 1000;
      const known = checks.get(id);
      if (known && known.intervalMs === intervalMs) {
        known.config = probe;
        continue;
      }
      // A new check (or a new interval) joins its grid at its next slot, not at once: every
      // region runs the same rounds.
      if (known) Object.assign(known, { config: probe, intervalMs, next: getNextSlot(id, intervalMs, now) });
      else checks.set(id, { id, config: probe, intervalMs, next: getNextSlot(id, intervalMs, now), running: false });
      changed = true;
    }
    if (changed || fromCache) {
      log(`${fromCache ? "last known assignment" : "assignment"}: agent "${assignment.agent.name}" (${region}), ${checks.size} checks (was ${before})`);
      wake.abort();
    }
  };

  const pollAssignment = async () => {
    let failures = 0;
    while (!stop.signal.aborted) {
      let assignment: AgentAssignment;
      try {
        assignment = await client.getAssignment(stop.signal);
      } catch (err) {
        await onRequestError("assignment", err, ++failures);
        continue;
      }
      failures = 0;
      markReachable("assignment");
      const skew = assignment.server_time - Date.now();
      if (!warnedSkew && Math.abs(skew) > SKEW_WARNING_MS) {
        warnedSkew = true;
        log(`warning: this machine's clock is ${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? "behind" : "ahead of"} the server's; slots follow this machine's clock`);
      }
      applyAssignment(assignment, false);
      // Kept for a restart while the server is away; written when it changed, not at every poll.
      const kept = JSON.stringify({ agent: assignment.agent, checks: assignment.checks });
      if (kept !== lastKept) {
        await replaceFile(path.join(options.stateDir, ASSIGNMENT_FILE), kept).then(
          () => (lastKept = kept),
          (err: unknown) => log(`cannot keep the assignment: ${String(err)}`),
        );
      }
      await clock.sleep(Math.max(1, assignment.poll_seconds) * 1000, stop.signal);
    }
  };

  const runCheck = (check: ScheduledCheck, due: number) => {
    check.running = true;
    const task = (async () => {
      try {
        const result = await runProbe(check.config, { signal: runs.signal, region, allowPrivate: options.allowPrivate, now: () => new Date(clock.now()) });
        if (runs.signal.aborted) return;
        const queued: AgentResult = { id: randomUUID(), check: check.id, due, result: toWireResult(result) };
        queue.append(queued);
        options.onResult?.(queued);
      } catch (err) {
        log(`probe ${check.id}: ${err instanceof Error ? err.message : String(err)}`);
      }
    })();
    inFlight.add(task);
    void task.finally(() => {
      check.running = false;
      // From the run's end: a run that overran its interval skips the slots it covered.
      check.next = getNextSlot(check.id, check.intervalMs, Math.max(due, clock.now()));
      inFlight.delete(task);
      wake.abort();
    });
  };

  const schedule = async () => {
    while (!stop.signal.aborted) {
      wake = new AbortController();
      const now = clock.now();
      const due = [...checks.values()].filter((c) => !c.running && c.next <= now).sort((a, b) => a.next - b.next);
      for (const check of due) {
        if (inFlight.size >= concurrency) break;
        // Late (a busy agent, a suspended machine): the run belongs to the latest slot passed.
        runCheck(check, getRoundStart(check.id, check.intervalMs, now));
      }
      const waiting = [...checks.values()].filter((c) => !c.running).map((c) => c.next);
      const full = inFlight.size >= concurrency;
      const waitMs = full || waiting.length === 0 ? 60_000 : Math.max(0, Math.min(...waiting) - clock.now());
      await clock.sleep(waitMs, AbortSignal.any([stop.signal, wake.signal]));
    }
  };

  const send = async () => {
    let failures = 0;
    let limit = AGENT_MAX_BATCH;
    while (!stop.signal.aborted) {
      await queue.waitForResults(stop.signal);
      if (queue.length < limit && (options.batchDelayMs ?? 1000) > 0) await sleep(options.batchDelayMs ?? 1000, stop.signal).catch(() => {});
      if (stop.signal.aborted) break;
      const batch = await queue.readBatch(limit, BATCH_BYTES);
      if (!batch) continue;
      if (batch.results.length === 0) {
        await queue.ack(batch.end);
        continue;
      }
      let answer;
      try {
        answer = await client.postResults({ results: batch.results, dropped: queue.dropped }, stop.signal);
      } catch (err) {
        if (err instanceof AgentUnavailableError && err.tooLarge && batch.results.length > 1) {
          limit = Math.max(1, Math.floor(batch.results.length / 2));
          log(`the server found a batch of ${batch.results.length} too large; sending ${limit} at a time`);
          continue;
        }
        await onRequestError("results", err, ++failures);
        continue;
      }
      await queue.ack(batch.end);
      failures = 0;
      markReachable("results");
      const rejected = answer.rejected.length;
      log(
        `sent ${batch.results.length} results: ${answer.accepted} accepted, ${answer.duplicates} duplicates, ${rejected} rejected; ` +
          `${queue.length} queued${queue.dropped > 0 ? `, ${queue.dropped} dropped in all` : ""}`,
      );
      for (const r of answer.rejected.slice(0, 3)) log(`  rejected ${r.id}: ${r.error}`);
    }
  };

  const cached = await loadAssignment(options.stateDir);
  if (cached) {
    applyAssignment(cached, true);
    lastKept = JSON.stringify({ agent: cached.agent, checks: cached.checks });
  }
  const parts = [pollAssignment(), schedule(), send()].map((p) => p.catch((err: unknown) => fatal(err instanceof Error ? (err.stack ?? err.message) : String(err))));
  await Promise.all(parts);
  options.signal.removeEventListener("abort", onOuterAbort);
  // Drain: runs in flight finish (bounded) and are queued; the queue reaches the disk.
  const timer = setTimeout(() => runs.abort(new Error("agent stopping")), options.drainMs ?? 10_000);
  await Promise.all(inFlight);
  clearTimeout(timer);
  await queue.flush();
  return exitCode;
}


async function loadAssignment(dir: string): Promise<KeptAssignment | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(dir, ASSIGNMENT_FILE), "utf8")) as KeptAssignment;
  } catch {
    return null;
  }
}
