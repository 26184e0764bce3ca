import { deleteCheck } from "../../checks/delete-check";
import { checkToDict } from "../../checks/to-dict";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** DELETE checks/<uuid>: answers with the check as it was just before deletion. */
export async function deleteCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  const { check, channelCodes } = await deleteCheck({ actor, checkCode: ctx.params.code });
  return jsonResponse(checkToDict(check, { version: ctx.version, readOnly: false, channelCodes }));
}
