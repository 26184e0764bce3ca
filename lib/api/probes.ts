// Vigil's active-check endpoints (API v3 only; Healthchecks has no such routes): run a check's
// probe now, and list its recorded runs.
import { findCheck, findCheckByUniqueKey } from "../checks/find-check";
import { runCheckProbe } from "../pings/run-check-probe";
import { listProbeResults, MAX_RESULTS, probeResultToDict } from "../probes/queries";
import { authorize, jsonResponse, type ApiContext } from "./protocol";

/** POST checks/<uuid>/probe: runs the probe, records the run, answers 200 with the result. */
export async function runProbeHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const { result } = await runCheckProbe({ actor, checkCode: ctx.params.code, signal: req.signal });
  return jsonResponse(probeResultToDict(result));
}

/**
 * GET checks/<uuid>/results/ and checks/<unique_key>/results/ (read-only keys too): the runs,
 * newest first, as many as the project keeps pings (at most 1000), like the pings list.
 */
export async function listResultsHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, project } = await authorize(req, "read");
  const { check } = ctx.params.code
    ? await findCheck({ actor, checkCode: ctx.params.code })
    : await findCheckByUniqueKey({ actor, uniqueKey: ctx.params.uniqueKey });
  const results = await listProbeResults(check.id, Math.min(project.pingLogLimit, MAX_RESULTS));
  return jsonResponse({ results: results.map(probeResultToDict) });
}
