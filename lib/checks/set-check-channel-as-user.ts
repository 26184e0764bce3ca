import { userActor } from "../auth/actor";
import { requireCheckAccess } from "../auth/permissions";
import { setCheckChannel } from "./set-check-channel";

/**
 * Turns one of the project's channels on or off for a check, for a user who may write to
 * the project. Throws AppError on access or when the channel is not in the project.
 */
export async function setCheckChannelAsUser(userId: number, checkCode: string, channelCode: string, enabled: boolean): Promise<void> {
  const { check } = await requireCheckAccess(userActor(userId), checkCode, "write");
  await setCheckChannel(check, channelCode, enabled);
}
