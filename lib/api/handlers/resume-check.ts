import { resumeCheck } from "../../checks/resume-check";
import { authorize } from "../authorize";
import { findProjectCheck } from "../find-project-check";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST checks/<uuid>/resume: 409 "check is not paused" unless paused. */
export async function resumeCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "write");
  const check = await findProjectCheck(project, ctx.params.code);
  return jsonResponse(await renderCheck(await resumeCheck(check.id), ctx.version));
}
