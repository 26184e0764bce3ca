import { findCheck } from "../../checks/find-check";
import { authorize } from "../authorize";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** GET checks/<uuid>. */
export async function getCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, readOnly } = await authorize(req, "read");
  const { check } = await findCheck({ actor, checkCode: ctx.params.code });
  return jsonResponse(await renderCheck(check, ctx.version, readOnly));
}
