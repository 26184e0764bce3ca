import { channelToDict } from "../../channels/channel-to-dict";
import { deleteChannel } from "../../channels/delete-channel";
import { authorize } from "../authorize";
import { findProjectChannel } from "../find-project-channel";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** DELETE channels/<uuid> (Vigil extension): answers with the deleted channel. */
export async function deleteChannelHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "write");
  const channel = await findProjectChannel(project, ctx.params.code);
  return jsonResponse(channelToDict(await deleteChannel(channel.id)));
}
