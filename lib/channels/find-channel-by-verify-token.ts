import { timingSafeEqual } from "node:crypto";
import type { Channel, Project } from "../db";
import { getEmailConfig } from "../integrations/email";
import { findEmailChannel } from "./find-email-channel";
import { getVerifyToken } from "./get-verify-token";

/**
 * The email channel a confirmation link is for, or null when the channel is gone, is not an
 * email channel, or the token does not match its current address (tampered or outdated link).
 */
export async function findChannelByVerifyToken(
  channelCode: string,
  token: string,
): Promise<(Channel & { project: Project }) | null> {
  const channel = await findEmailChannel(channelCode);
  const address = channel ? getEmailConfig(channel).value : "";
  if (!channel || !address) return null;
  const expected = Buffer.from(getVerifyToken(channel.code, address));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return channel;
}
