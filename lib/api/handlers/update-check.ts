import { updateCheck } from "../../checks/update-check";
import { authorize } from "../authorize";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/<uuid>: 404/403 are decided before the body is validated, as in Healthchecks. */
export async function updateCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  const updated = await updateCheck({ actor, checkCode: ctx.params.code, input: json, version: ctx.version });
  return jsonResponse(await renderCheck(updated, ctx.version));
}
