// The prober, a worker above the ping path (it records through lib/pings, which lib/probes sits
// below): one testable tick (claim the due active checks, run them, record the results,
// write their next slots) and the loop `vigil probe` and `vigil start` run, which keeps up to
// PROBE_CONCURRENCY runs going, claims as slots free, and sleeps until the next check is due.
// The loop also decides multi-region rounds whose deadline passed with a region missing.
import { getEnv } from "../env";
import { countProbeRun, gaugeSources } from "../metrics/tallies";
import { decideOverdueProbeRounds } from "../pings/decide-probe-round";
import { submitProbeResults } from "../pings/submit-probe-result";
import { sleep } from "../probes/attempt";
import { claimDueProbes, findNextProbeDue, rescheduleProbes, type ClaimedProbe, type FinishedProbe } from "./claim-due-probes";
import type { ProbeContext } from "../probes/descriptor";
import { rollUpProbeResults } from "../probes/rollups";
import { runProbe } from "../probes/run-probe";
import { getRoundStart } from "../probes/schedule";

/** What one claimed run did, for the tick's report. */
export interface ProbeRunReport {
  checkCode: string;
  /** Healthy, degraded, down; "aborted" when shutdown cut it short; "error" when it could not be recorded. */
  outcome: string;
  /** Start − due time, ms. */
  lagMs: number;
}

export interface RunDueProbesOptions {
  /** Checks due at or before this run (default: now). */
  now?: Date;
  /** At most this many claims (default PROBE_CONCURRENCY). */
  limit?: number;
  /** Runs at once (default PROBE_CONCURRENCY). */
  concurrency?: number;
  /** Aborting cuts runs short: they are not recorded and become due again at once. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Passed to runProbe (tests give a private CA). */
  probeContext?: Omit<ProbeContext, "signal" | "region">;
}

let inFlight = 0;
gaugeSources.probesInFlight = () => inFlight;

/**
 * Runs one claimed check: the probe, then its result through the ping path (which batches the
 * writes of concurrent runs). Never throws; the returned FinishedProbe releases the claim.
 */
async function runClaimedProbe(
  claim: ClaimedProbe,
  { signal, log = console.log, probeContext = {} }: Pick<RunDueProbesOptions, "signal" | "log" | "probeContext">,
): Promise<{ finished: FinishedProbe; report: ProbeRunReport }> {
  const startedAt = Date.now();
  const lagMs = startedAt - claim.dueAt.getTime();
  inFlight++;
  let outcome: string;
  try {
    const result = await runProbe(claim.config, { ...probeContext, signal, region: "local" });
    if (signal?.aborted) {
      return { finished: { claim, endedAt: Date.now(), aborted: true }, report: { checkCode: claim.checkCode, outcome: "aborted", lagMs } };
    }
    countProbeRun(claim.config.type, result.status, Date.now() - startedAt, lagMs);
    // The round is the slot the run was due in, the one remote regions run on the same grid.
    const round = new Date(getRoundStart(claim.checkCode, claim.config.interval * 1000, claim.dueAt.getTime()));
    const [recorded] = await submitProbeResults([{ checkCode: claim.checkCode, result, round, probe: claim.config }]);
    // 404: the check was deleted while it ran; anything else but 200 is the database refusing.
    outcome = recorded.status === 200 || recorded.status === 404 ? result.status : "error";
    if (outcome === "error") log(`probe ${claim.checkCode}: result not recorded (${recorded.status} ${recorded.body})`);
  } catch (err) {
    outcome = "error";
    log(`probe ${claim.checkCode}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    inFlight--;
  }
  return { finished: { claim, endedAt: Date.now() }, report: { checkCode: claim.checkCode, outcome, lagMs } };
}

/**
 * One tick: claims up to `limit` due active checks, runs them `concurrency` at a time, records
 * each result, and writes each check's next slot. Resolves when all are done, with a report
 * per run. Safe to call from several processes at once: a check is claimed by one of them.
 */
export async function runDueProbes(options: RunDueProbesOptions = {}): Promise<ProbeRunReport[]> {
  const concurrency = options.concurrency ?? getEnv().probeConcurrency;
  const claims = await claimDueProbes({ now: options.now, limit: options.limit ?? concurrency });
  const reports: ProbeRunReport[] = [];
  const finished: FinishedProbe[] = [];
  let next = 0;
  const worker = async () => {
    while (next < claims.length) {
      const done = await runClaimedProbe(claims[next++], options);
      finished.push(done.finished);
      reports.push(done.report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claims.length) }, worker));
  await rescheduleProbes(finished);
  return reports;
}

export interface RunProberOptions {
  /** Abort to stop: no new claims; runs in flight get `drainMs` to finish, then are cut short. */
  signal?: AbortSignal;
  log?: (line: string) => void;
  concurrency?: number;
  /** How long runs in flight may take to finish after the signal (default 10 s). */
  drainMs?: number;
}

// At most one claim (two short statements) per MIN_TICK_MS: at 10,000 checks a minute, ~8 runs
// per claim instead of a round trip per run, for at most this much added lag.
const MIN_TICK_MS = 50;
// Upper bound on a sleep: a check created or changed (next_probe_at = now) by another process
// runs within this.
const POLL_MS = 1000;
const ERROR_PAUSE_MS = 1000;
// Rollups of finished hours and days: two indexed reads when there is nothing new.
const ROLLUP_EVERY_MS = 5 * 60_000;
// Multi-region rounds past their deadline with a region missing: a few indexed reads a sweep.
const ROUND_SWEEP_EVERY_MS = 5_000;
const ROUND_SWEEP_LIMIT = 100;

/**
 * The prober loop (`vigil probe`): keeps up to `concurrency` runs going, claiming due checks as
 * slots free, and rolls results up into hourly and daily rows every few minutes. Safe to run in
 * several processes against one PostgreSQL. Resolves after the signal, once runs have drained.
 */
export async function runProber({ signal, log = console.log, concurrency = getEnv().probeConcurrency, drainMs = 10_000 }: RunProberOptions = {}): Promise<void> {
  const running = new Set<Promise<void>>();
  const finished: FinishedProbe[] = [];
  // Runs get their own signal, aborted only when draining takes too long.
  const runs = new AbortController();
  let slotFreed = new AbortController();
  let lastRollup = 0;
  let rollup: Promise<void> = Promise.resolve();
  let rollingUp = false;
  let lastSweep = 0;
  let sweep: Promise<void> = Promise.resolve();
  let sweeping = false;
  const stopped = () => signal?.aborted === true;

  log("probe is now running");
  while (!stopped()) {
    const tickStart = Date.now();
    slotFreed = new AbortController();
    try {
      await rescheduleProbes(finished.splice(0));
      const free = concurrency - running.size;
      const claims = free > 0 ? await claimDueProbes({ limit: free }) : [];
      for (const claim of claims) {
        const task: Promise<void> = runClaimedProbe(claim, { signal: runs.signal, log }).then(({ finished: f }) => {
          finished.push(f);
          running.delete(task);
          slotFreed.abort();
        });
        running.add(task);
      }
      // In the background, one pass at a time: a day's rollup reads a day of results.
      if (!rollingUp && tickStart - lastRollup >= ROLLUP_EVERY_MS) {
        lastRollup = tickStart;
        rollingUp = true;
        rollup = rollUpProbeResults({ log })
          .then(
            () => {},
            (err: unknown) => log(`probe rollups: ${err instanceof Error ? err.message : String(err)}`),
          )
          .finally(() => (rollingUp = false));
      }
      // Also in the background: deciding a round records a ping, which waits for its batch.
      if (!sweeping && tickStart - lastSweep >= ROUND_SWEEP_EVERY_MS) {
        lastSweep = tickStart;
        sweeping = true;
        sweep = decideOverdueProbeRounds({ limit: ROUND_SWEEP_LIMIT })
          .then(
            () => {},
            (err: unknown) => log(`probe rounds: ${err instanceof Error ? err.message : String(err)}`),
          )
          .finally(() => (sweeping = false));
      }
      let waitMs: number;
      if (running.size >= concurrency || claims.length === free) {
        // Full, or more may be due: go again as soon as a slot frees (or the next tick).
        waitMs = running.size >= concurrency ? POLL_MS : 0;
      } else {
        const nextDue = await findNextProbeDue();
        waitMs = nextDue === null ? POLL_MS : Math.min(POLL_MS, Math.max(0, nextDue.getTime() - Date.now()));
      }
      const wake = running.size >= concurrency ? [slotFreed.signal] : [];
      // A freed slot wakes the loop early, but never before MIN_TICK_MS since the last tick.
      await sleep(Math.max(0, MIN_TICK_MS - (Date.now() - tickStart)), signal).catch(() => {});
      const left = waitMs - (Date.now() - tickStart);
      if (left > 0 && !stopped()) await sleep(left, AbortSignal.any([...(signal ? [signal] : []), ...wake])).catch(() => {});
    } catch (err) {
      log(`probe: ${err instanceof Error ? err.message : String(err)}`);
      await sleep(ERROR_PAUSE_MS, signal).catch(() => {});
    }
  }
  // Drain: runs in flight finish (bounded), are recorded and released.
  const timer = setTimeout(() => runs.abort(new Error("prober stopping")), drainMs);
  await Promise.all(running);
  clearTimeout(timer);
  await rescheduleProbes(finished.splice(0)).catch((err: unknown) => log(`probe: ${err instanceof Error ? err.message : String(err)}`));
  await Promise.all([rollup, sweep]);
  log("probe stopped");
}
