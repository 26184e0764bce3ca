import { channelToDict } from "../../channels/channel-input";
import { deleteChannel } from "../../channels/delete-channel";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** DELETE channels/<uuid> (Vigil extension): answers with the deleted channel. */
export async function deleteChannelHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor } = await authorize(req, "write");
  return jsonResponse(channelToDict(await deleteChannel({ actor, channelCode: ctx.params.code })));
}
