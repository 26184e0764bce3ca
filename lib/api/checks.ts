// The checks endpoints (Healthchecks' checks/, checks/<uuid>, checks/<unique_key>, pause,
// resume): parse, call the check verbs with the API key as the actor, answer Check.to_dict()
// plus the UUIDs of the channels that notify for each, which only read-write keys see.
import { createCheck } from "../checks/create-check";
import { deleteCheck } from "../checks/delete-check";
import { findCheck, findCheckByUniqueKey } from "../checks/find-check";
import { pauseCheck } from "../checks/pause-check";
import { resumeCheck } from "../checks/resume-check";
import { checkToDict } from "../checks/to-dict";
import { updateCheck } from "../checks/update-check";
import { getDb, type Check } from "../db";
import { findLastProbeResults } from "../probes/queries";
import { authorize, jsonResponse, type ApiContext, type ApiVersion } from "./protocol";

/** Channel UUIDs per check id, for one check or every check of a project (one query). */
async function getChannelCodes(scope: { projectId: number } | { checkId: number }): Promise<Map<number, string[]>> {
  const links = await getDb().channelCheck.findMany({
    where: "checkId" in scope ? { checkId: scope.checkId } : { check: { projectId: scope.projectId } },
    select: { checkId: true, channel: { select: { code: true } } },
  });
  const byCheck = new Map<number, string[]>();
  for (const { checkId, channel } of links) {
    const codes = byCheck.get(checkId) ?? [];
    codes.push(channel.code);
    byCheck.set(checkId, codes);
  }
  return byCheck;
}

/** checkToDict for one check, loading its channel UUIDs when the read-write shape needs them. */
export async function renderCheck(check: Check, version: ApiVersion, readOnly = false): Promise<Record<string, unknown>> {
  const channelCodes = readOnly ? [] : ((await getChannelCodes({ checkId: check.id })).get(check.id) ?? []);
  const lastResult = check.probe === null ? null : ((await findLastProbeResults([check.id])).get(check.id) ?? null);
  return checkToDict(check, { version, readOnly, channelCodes, lastResult });
}

/** Tags as Healthchecks splits them: on single spaces, blanks dropped. */
function tagList(tags: string): string[] {
  return tags.split(" ").map((t) => t.trim()).filter(Boolean);
}

/** GET checks/: the project's checks; every ?tag= must be one of the check's tags; ?slug= exact. */
export async function listChecksHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project, readOnly } = await authorize(req, "read");
  const query = new URL(req.url).searchParams;
  const wanted = new Set(query.getAll("tag"));
  // Django's QueryDict.get returns the last value; an empty ?slug= does not filter.
  const slug = query.getAll("slug").at(-1);
  const checks = await getDb().check.findMany({
    where: { projectId: project.id, ...(slug ? { slug } : {}) },
    orderBy: { id: "asc" },
  });
  const channelCodes = readOnly ? new Map<number, string[]>() : await getChannelCodes({ projectId: project.id });
  const now = new Date();
  const matching = checks.filter((c) => {
    const tags = tagList(c.tags);
    return [...wanted].every((t) => tags.includes(t));
  });
  const lastResults = await findLastProbeResults(matching.flatMap((c) => (c.probe === null ? [] : [c.id])));
  return jsonResponse({
    checks: matching.map((c) =>
      checkToDict(c, { version: ctx.version, readOnly, channelCodes: channelCodes.get(c.id) ?? [], lastResult: lastResults.get(c.id) ?? null, now }),
    ),
  });
}

/** GET checks/<uuid>. */
export async function getCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, readOnly } = await authorize(req, "read");
  const { check } = await findCheck({ actor, checkCode: ctx.params.code });
  return jsonResponse(await renderCheck(check, ctx.version, readOnly));
}

/** GET checks/<unique_key>: the read-only key's way to address a check. */
export async function getCheckByUniqueKeyHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, readOnly } = await authorize(req, "read");
  const { check } = await findCheckByUniqueKey({ actor, uniqueKey: ctx.params.uniqueKey });
  return jsonResponse(await renderCheck(check, ctx.version, readOnly));
}

/** POST checks/: creates a check (201), or updates the one `unique` matches (200). */
export async function createCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, project, json } = await authorize(req, "write");
  const { check, created } = await createCheck({ actor, projectCode: project.code, input: json, version: ctx.version });
  return jsonResponse(await renderCheck(check, ctx.version), created ? 201 : 200);
}

/** POST checks/<uuid>: 404/403 are decided before the body is validated, as in Healthchecks. */
export async function updateCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  const updated = await updateCheck({ actor, checkCode: ctx.params.code, input: json, version: ctx.version });
  return jsonResponse(await renderCheck(updated, ctx.version));
}

/** DELETE checks/<uuid>: answers with the check as it was just before deletion. */
export async function deleteCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const { check, channelCodes } = await deleteCheck({ actor, checkCode: ctx.params.code });
  return jsonResponse(checkToDict(check, { version: ctx.version, readOnly: false, channelCodes }));
}

/** POST checks/<uuid>/pause. */
export async function pauseCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  return jsonResponse(await renderCheck(await pauseCheck({ actor, checkCode: ctx.params.code }), ctx.version));
}

/** POST checks/<uuid>/resume: 409 "check is not paused" unless paused. */
export async function resumeCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  return jsonResponse(await renderCheck(await resumeCheck({ actor, checkCode: ctx.params.code }), ctx.version));
}
