import { authorize } from "../authorize";
import { findProjectCheck } from "../find-project-check";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** GET checks/<uuid>. */
export async function getCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project, readOnly } = await authorize(req, "read");
  const check = await findProjectCheck(project, ctx.params.code);
  return jsonResponse(await renderCheck(check, ctx.version, readOnly));
}
