import { userActor } from "../auth/actor";
import { AppError } from "../errors";
import { requireChannelAccess } from "../auth/permissions";
import { sendVerificationEmail } from "./send-verification-email";

/**
 * Mails the confirmation link of an unconfirmed email channel again, for a user who may write
 * to its project. Throws AppError "not_found"/"forbidden" (access), "bad_request" when the
 * channel is not an unconfirmed email channel, and MailError when sending fails.
 */
export async function resendVerification(userId: number, channelCode: string): Promise<void> {
  const { channel, project } = await requireChannelAccess(userActor(userId), channelCode, "write");
  if (channel.kind !== "email" || channel.emailVerified) {
    throw new AppError("bad_request", "This integration does not need confirming.");
  }
  await sendVerificationEmail({ ...channel, project });
}
