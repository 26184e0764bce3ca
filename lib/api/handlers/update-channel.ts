import { channelToDict } from "../../channels/channel-input";
import { updateChannel } from "../../channels/update-channel";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** POST channels/<uuid> (Vigil extension): changes name, config and/or checks. */
export async function updateChannelHandler(req: Request, ctx: ApiContext): Promise<Response> {
  const { actor, json } = await authorize(req, "write");
  const { channel } = await updateChannel({ actor, channelCode: ctx.params.code, input: json });
  return jsonResponse(channelToDict(channel));
}
