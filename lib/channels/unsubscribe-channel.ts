import { getDb } from "../db";
import { findEmailChannel } from "./find-email-channel";

/**
 * Disables an email channel from its unsubscribe link (Healthchecks §6.3: "unsubscribe link
 * disables channel"); it stays listed, marked disabled, until a member edits it. The link is
 * not signed (the email transport's List-Unsubscribe carries only the channel UUID), so this
 * only ever stops mail, never starts it. Returns false for an unknown or non-email channel.
 */
export async function unsubscribeChannel(channelCode: string): Promise<boolean> {
  const channel = await findEmailChannel(channelCode);
  if (!channel) return false;
  await getDb().channel.update({ where: { id: channel.id }, data: { disabled: true } });
  return true;
}
