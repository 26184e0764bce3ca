// "Run now": an active check's probe run at once and recorded like a scheduled run, for the
// API (POST checks/<uuid>/probe) and the web app.
import type { Actor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { AppError } from "../errors";
import { parseProbeConfig } from "../probes/config";
import { runProbe } from "../probes/run-probe";
import type { ProbeResult } from "../probes/types";
import { getRoundStart } from "../probes/schedule";
import { submitProbeResults } from "./submit-probe-result";
import type { PingResult } from "./types";

export interface RunCheckProbeOptions {
  actor: Actor;
  checkCode: string;
  /** Aborts the run (the client went away, shutdown). */
  signal?: AbortSignal;
}

export interface RanCheckProbe {
  result: ProbeResult;
  /** How recording the run went: 200 "OK", or 404 when the check was deleted during the run. */
  recorded: PingResult;
}

/**
 * Runs the check's probe now and records the run as the prober does: through the ping path
 * (status, flip, result row), or, for a multi-region check, as a run of the current round.
 * Throws AppError on access, and AppError("bad_request", "check has no probe") for a passive
 * check. No transaction is held while the probe runs.
 */
export async function runCheckProbe({ actor, checkCode, signal }: RunCheckProbeOptions): Promise<RanCheckProbe> {
  const { check } = await requireCheckAccess(actor, checkCode, "write");
  if (check.probe === null) throw new AppError("bad_request", "check has no probe");
  // Stored probes were validated on save; parsing again fills defaults a newer version added.
  const config = parseProbeConfig(JSON.parse(check.probe) as unknown);
  const result = await runProbe(config, { signal });
  // A multi-region check's run joins the current round like the prober's, so "Run now" from the
  // server alone never decides the check's status over the other regions' heads.
  const round = new Date(getRoundStart(check.code, config.interval * 1000, result.date.getTime()));
  const [recorded] = await submitProbeResults([{ checkCode: check.code, result, round, probe: config }]);
  return { result, recorded };
}
