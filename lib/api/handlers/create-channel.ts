import { channelToDict } from "../../channels/channel-input";
import { createChannel } from "../../channels/create-channel";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/**
 * POST channels/ (Vigil extension): {"kind", "name"?, "config", "checks"?} creates a channel
 * and answers 201 {"id", "name", "kind"}. A Matrix channel's bot joins its room first, as on
 * the setup page (400 when it cannot).
 */
export async function createChannelHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { actor, project, json } = await authorize(req, "write");
  const { channel } = await createChannel({ actor, projectCode: project.code, input: json });
  return jsonResponse(channelToDict(channel), 201);
}
