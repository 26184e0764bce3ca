import { parseCheckSpec } from "../../checks/check-spec";
import { updateCheck } from "../../checks/update-check";
import { authorize } from "../authorize";
import { findProjectCheck } from "../find-project-check";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/<uuid>: 404/403 are decided before the body is validated, as in Healthchecks. */
export async function updateCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project, json } = await authorize(req, "write");
  const check = await findProjectCheck(project, ctx.params.code);
  const spec = parseCheckSpec(json);
  const updated = await updateCheck(check.id, spec, { version: ctx.version });
  return jsonResponse(await renderCheck(updated, ctx.version));
}
