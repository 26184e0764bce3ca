import { checkToDict } from "../../checks/to-dict";
import { deleteCheck } from "../../checks/delete-check";
import { authorize } from "../authorize";
import { findProjectCheck } from "../find-project-check";
import { getChannelCodes } from "../get-channel-codes";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** DELETE checks/<uuid>: answers with the check as it was just before deletion. */
export async function deleteCheckHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "write");
  const check = await findProjectCheck(project, ctx.params.code);
  const channelCodes = (await getChannelCodes({ checkId: check.id })).get(check.id) ?? [];
  const deleted = await deleteCheck(check.id);
  return jsonResponse(checkToDict(deleted, { version: ctx.version, readOnly: false, channelCodes }));
}
