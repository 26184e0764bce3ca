import { userActor } from "../auth/actor";
import type { Channel } from "../db";
import { getDb } from "../db";
import { requireProjectAccess } from "../auth/permissions";
import { getEmailConfig } from "../integrations/email";
import { assertChannelName } from "./assert-channel-name";
import { createChannel } from "./create-channel";
import { isTrustedEmail } from "./is-trusted-email";
import { sendVerificationEmail } from "./send-verification-email";

export interface ChannelSaveResult {
  channel: Channel;
  /** True when a confirmation link was emailed (the channel stays silent until it is opened). */
  verificationSent: boolean;
  /** Why the confirmation email could not be sent; the channel is saved anyway. */
  verificationError: string | null;
}

/**
 * Adds an integration from the web app for a user who may write to the project. Validates the
 * config exactly as the API does (createChannel) and attaches the new channel to every check
 * of the project (Healthchecks §6.1). An email channel is confirmed at once for a member's
 * address or with EMAIL_USE_VERIFICATION=False; otherwise a confirmation link is mailed.
 * Throws AppError: "not_found"/"forbidden" (access), "bad_request" (invalid input).
 */
export async function addChannel(
  userId: number,
  projectCode: string,
  input: { kind: string; name?: string; config: unknown },
): Promise<ChannelSaveResult> {
  const { project } = await requireProjectAccess(userActor(userId), projectCode, "write");
  const name = input.name?.trim() ?? "";
  assertChannelName(name);
  let channel = await createChannel(project.id, { kind: input.kind, name, config: input.config, checks: "*" });
  if (channel.kind !== "email") return { channel, verificationSent: false, verificationError: null };

  const isVerified = await isTrustedEmail(project.id, getEmailConfig(channel).value);
  channel = await getDb().channel.update({ where: { id: channel.id }, data: { emailVerified: isVerified } });
  if (isVerified) return { channel, verificationSent: false, verificationError: null };
  try {
    await sendVerificationEmail({ ...channel, project });
    return { channel, verificationSent: true, verificationError: null };
  } catch (err) {
    return { channel, verificationSent: false, verificationError: err instanceof Error ? err.message : String(err) };
  }
}
