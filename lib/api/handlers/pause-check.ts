import { pauseCheck } from "../../checks/pause-check";
import { authorize } from "../authorize";
import { findProjectCheck } from "../find-project-check";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/<uuid>/pause. */
export async function pauseCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "write");
  const check = await findProjectCheck(project, ctx.params.code);
  return jsonResponse(await renderCheck(await pauseCheck(check.id), ctx.version));
}
