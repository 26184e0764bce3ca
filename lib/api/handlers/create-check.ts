import { parseCheckSpec } from "../../checks/check-spec";
import { createCheck } from "../../checks/create-check";
import { findUpsertTarget } from "../../checks/find-upsert-target";
import { updateCheck } from "../../checks/update-check";
import { authorize } from "../authorize";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/: creates a check (201), or updates the one `unique` matches (200). */
export async function createCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project, json } = await authorize(req, "write");
  const spec = parseCheckSpec(json);
  const existing = await findUpsertTarget(project.id, spec);
  const check = existing
    ? await updateCheck(existing.id, spec, { version: ctx.version })
    : await createCheck(project.id, spec, { version: ctx.version });
  return jsonResponse(await renderCheck(check, ctx.version), existing ? 200 : 201);
}
