// When an active check runs: pure rules the prober follows. Each check has its own phase in its
// interval (a hash of its UUID), so 10,000 checks on a 60 s interval start ~167 per second
// rather than all in the same second, and every prober process computes the same slots.
import type { ProbeConfig } from "./types";

/**
 * How long a claimed run may hold its check beyond its longest possible run: recording the
 * result and writing the next slot. A prober that dies mid-run leaves the check to another one
 * after this lease runs out.
 */
export const LEASE_MARGIN_MS = 60_000;

/** FNV-1a over the UUID's characters: stable across processes and versions, no crypto needed. */
export function hashCode(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The check's offset in its interval, in ms: its slots are phase + k * interval (Unix ms). */
export function getPhaseMs(code: string, intervalMs: number): number {
  return hashCode(code) % intervalMs;
}

/**
 * The check's first slot strictly after `afterMs`. Used after each run (with the run's end), so
 * a run that overran its interval skips the slots it covered instead of starting a second run,
 * and a check created or changed off its grid (its first run is at once) joins its grid after it.
 */
export function getNextSlot(code: string, intervalMs: number, afterMs: number): number {
  const phase = getPhaseMs(code, intervalMs);
  return phase + (Math.floor((afterMs - phase) / intervalMs) + 1) * intervalMs;
}

/**
 * The slot at or before `atMs`: the round a run that was due (or started) at `atMs` belongs to.
 * Regions running the same check on the same grid meet in the same round.
 */
export function getRoundStart(code: string, intervalMs: number, atMs: number): number {
  const phase = getPhaseMs(code, intervalMs);
  return phase + Math.floor((atMs - phase) / intervalMs) * intervalMs;
}

/** The longest one run of `config` can take: every attempt timing out, with the spacing between. */
export function getMaxRunMs(config: Pick<ProbeConfig, "attempts" | "timeout" | "attempt_spacing">): number {
  return config.attempts * config.timeout * 1000 + Math.max(0, config.attempts - 1) * config.attempt_spacing;
}

/**
 * Until when a run claimed at `nowMs` holds its check: next_probe_at is set to this while it
 * runs, so no prober (this one or another) finds the check due before the run has ended.
 */
export function getLeaseUntil(config: Pick<ProbeConfig, "attempts" | "timeout" | "attempt_spacing">, nowMs: number): number {
  return nowMs + getMaxRunMs(config) + LEASE_MARGIN_MS;
}

/** Whether the local prober runs this probe: regions other than "local" belong to remote agents. */
export function isLocalProbe(config: Pick<ProbeConfig, "regions">): boolean {
  return config.regions.includes("local");
}
