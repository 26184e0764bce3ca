// The setup form's "Test" button: a probe that is not saved yet, run once so the person sees
// its result and timings before saving. Nothing is written: the run is not a check's.
import type { Actor } from "../auth/actor";
import { requireProjectAccess } from "../auth/permissions";
import { getEnv } from "../env";
import { parseProbeConfig } from "./config";
import { runProbe } from "./run-probe";
import type { ProbeConfig, ProbeResult } from "./types";

export interface TryProbeOptions {
  actor: Actor;
  /** The project the check is (or will be) in: only its writers may make the server connect out. */
  projectCode: string;
  /** The probe as the API takes it; validated here. */
  probe: unknown;
  signal?: AbortSignal;
  /** How long the whole test may take (default TEST_RUN_LIMIT_MS). */
  limitMs?: number;
}

/**
 * A test answers a person waiting on a form, and holds a server action meanwhile: however many
 * attempts and how long a timeout the probe has (up to 10 × 60 s, plus spacing), it stops here
 * and shows what it saw by then.
 */
export const TEST_RUN_LIMIT_MS = 60_000;

/**
 * Runs an unsaved probe once under the server's address policy and returns its result and the
 * validated config. Throws AppError on access (before the probe is looked at, so a reader cannot
 * use the server to reach addresses) and AppError("bad_request", field "probe.<key>") for a bad
 * probe. A failing target is a "down" result, not an error.
 */
export async function tryProbe({ actor, projectCode, probe, signal, limitMs = TEST_RUN_LIMIT_MS }: TryProbeOptions): Promise<{ config: ProbeConfig; result: ProbeResult }> {
  await requireProjectAccess(actor, projectCode, "write");
  const config = parseProbeConfig(probe);
  const limit = AbortSignal.timeout(limitMs);
  const result = await runProbe(config, { signal: signal ? AbortSignal.any([signal, limit]) : limit, allowPrivate: getEnv().probeAllowPrivate });
  return { config, result };
}
