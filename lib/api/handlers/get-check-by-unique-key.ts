import { findCheckByUniqueKey } from "../../checks/find-check";
import { authorize } from "../authorize";
import { renderCheck } from "../render-check";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** GET checks/<unique_key>: the read-only key's way to address a check. */
export async function getCheckByUniqueKeyHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, readOnly } = await authorize(req, "read");
  const { check } = await findCheckByUniqueKey({ actor, uniqueKey: ctx.params.uniqueKey });
  return jsonResponse(await renderCheck(check, ctx.version, readOnly));
}
