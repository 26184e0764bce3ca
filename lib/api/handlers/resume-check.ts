import { resumeCheck } from "../../checks/resume-check";
import { authorize } from "../authorize";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/<uuid>/resume: 409 "check is not paused" unless paused. */
export async function resumeCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  return jsonResponse(await renderCheck(await resumeCheck({ actor, checkCode: ctx.params.code }), ctx.version));
}
