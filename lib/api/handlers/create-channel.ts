import { channelToDict } from "../../channels/channel-to-dict";
import { createChannel } from "../../channels/create-channel";
import { joinConfiguredMatrixRoom } from "../../channels/join-configured-matrix-room";
import { parseChannelInput } from "../../channels/parse-channel-input";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/**
 * POST channels/ (Vigil extension): {"kind", "name"?, "config", "checks"?} creates a channel
 * and answers 201 {"id", "name", "kind"}. A Matrix channel's bot joins its room first, as on
 * the setup page (400 when it cannot).
 */
export async function createChannelHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { project, json } = await authorize(req, "write");
  const input = parseChannelInput(json, ["kind", "config"]);
  const config = input.kind === "matrix" ? await joinConfiguredMatrixRoom(input.config) : input.config;
  const channel = await createChannel(project.id, { ...input, kind: input.kind ?? "", config });
  return jsonResponse(channelToDict(channel), 201);
}
