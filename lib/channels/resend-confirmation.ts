import type { Actor } from "../auth/actor";
import { requireChannelAccess } from "../auth/permissions";
import { AppError } from "../errors";
import { getKind } from "../integrations/registry";

export interface ResendConfirmationOptions {
  actor: Actor;
  channelCode: string;
  now?: Date;
}

/**
 * Sends a channel's confirmation again (an email channel's link), for someone who may write to
 * its project. Throws AppError on access, "bad_request" when the channel's kind confirms nothing
 * or it is already confirmed, and whatever the kind's resendConfirmation throws ("rate_limited",
 * "unavailable").
 */
export async function resendConfirmation({ actor, channelCode, now = new Date() }: ResendConfirmationOptions): Promise<void> {
  const { channel, project } = await requireChannelAccess(actor, channelCode, "write");
  const resend = getKind(channel.kind)?.resendConfirmation;
  if (!resend) throw new AppError("bad_request", "This integration does not need confirming.");
  await resend(channel, project, now);
}
