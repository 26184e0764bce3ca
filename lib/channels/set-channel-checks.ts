import { userActor } from "../auth/actor";
import type { Channel } from "../db";
import { requireChannelAccess } from "../auth/permissions";
import { updateChannel } from "./update-channel";

/**
 * Makes the integration notify for exactly `checkCodes` (UUIDs of checks in its project), for
 * a user who may write to the project. Throws AppError "not_found"/"forbidden" (access) or
 * "bad_request" when a code is not one of the project's checks; then nothing changes.
 */
export async function setChannelChecks(userId: number, channelCode: string, checkCodes: string[]): Promise<Channel> {
  const { channel } = await requireChannelAccess(userActor(userId), channelCode, "write");
  return updateChannel(channel.id, { checks: [...new Set(checkCodes)].join(",") });
}
