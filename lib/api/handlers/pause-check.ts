import { pauseCheck } from "../../checks/pause-check";
import { authorize } from "../authorize";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/<uuid>/pause. */
export async function pauseCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  return jsonResponse(await renderCheck(await pauseCheck({ actor, checkCode: ctx.params.code }), ctx.version));
}
