// Vigil's applied/ endpoint (API v3 only): what `vigil apply` last applied to each object of
// the key's project, which `vigil plan` compares with the live objects to show drift.
import { listAppliedObjects, saveAppliedObjects } from "../config-state/applied-objects";
import { formatIso } from "../compat/python";
import { authorize, jsonResponse, type ApiContext } from "./protocol";

/**
 * GET applied/: {"objects": [{"kind", "name", "id", "applied", "applied_at"}]}. Read-write keys
 * only: what was applied includes channel settings (webhook URLs, tokens), which read-only keys
 * never see elsewhere either.
 */
export async function listAppliedHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { actor, project } = await authorize(req, "write");
  const objects = await listAppliedObjects({ actor, projectCode: project.code });
  return jsonResponse({
    objects: objects.map((o) => ({ kind: o.kind, name: o.name, id: o.id, applied: o.applied, applied_at: formatIso(o.appliedAt) })),
  });
}

/** POST applied/: {"objects": [{"kind", "name", "id", "applied"} | {"kind", "name", "delete": true}]} → {"saved", "deleted"}. */
export async function saveAppliedHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { actor, project, json } = await authorize(req, "write");
  return jsonResponse(await saveAppliedObjects({ actor, projectCode: project.code, objects: json.objects }));
}
