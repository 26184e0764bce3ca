import { channelToDict } from "../../channels/channel-to-dict";
import { parseChannelInput } from "../../channels/parse-channel-input";
import { updateChannel } from "../../channels/update-channel";
import { authorize } from "../authorize";
import { findProjectChannel } from "../find-project-channel";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST channels/<uuid> (Vigil extension): changes name, config and/or checks. */
export async function updateChannelHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { project, json } = await authorize(req, "write");
  const channel = await findProjectChannel(project, ctx.params.code);
  const updated = await updateChannel(channel.id, parseChannelInput(json));
  return jsonResponse(channelToDict(updated));
}
