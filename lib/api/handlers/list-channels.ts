import { channelToDict } from "../../channels/channel-input";
import { getDb } from "../../db";
import { authorize } from "../authorize";
import { jsonResponse } from "../respond";
import type { ApiContext } from "../types";

/** GET channels/ (read-write keys only). */
export async function listChannelsHandler(req: Request, _ctx: ApiContext): Promise<Response> {
  const { project } = await authorize(req, "write");
  const channels = await getDb().channel.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
  return jsonResponse({ channels: channels.map(channelToDict) });
}
