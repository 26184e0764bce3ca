import { getDb, type Channel } from "../db";
import { AppError } from "../errors";
import { findChannelByVerifyToken } from "./find-channel-by-verify-token";

/**
 * Marks an email channel's address as confirmed when the link's token is valid. Returns the
 * channel; throws AppError("not_found") for an unknown channel or a bad token (the page shows
 * the same "invalid link" for both, so a token cannot be probed channel by channel).
 */
export async function confirmChannelEmail(channelCode: string, token: string): Promise<Channel> {
  const channel = await findChannelByVerifyToken(channelCode, token);
  if (!channel) throw new AppError("not_found", "This confirmation link is invalid or has expired.");
  return getDb().channel.update({ where: { id: channel.id }, data: { emailVerified: true } });
}
