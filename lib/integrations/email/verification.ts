// Confirming an email channel's address (Healthchecks' Channel.send_verify_link and the verify
// view): an address nobody in the project signed in with gets a link, and the channel sends
// nothing until someone opens the link and presses "Confirm". The link's token is an HMAC of the
// channel UUID and the address, so nothing is stored and a link stops working when the address
// changes.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb, type Channel, type Project, type Tx } from "../../db";
import { getEnv } from "../../env";
import { AppError } from "../../errors";
import { MailError, sendMail } from "../../mail";
import { consumeToken } from "../../rate-limit/consume-token";
import { normalizeRateLimitEmail } from "../../rate-limit/rate-limits";
import { readUpDownConfig } from "../config";
import { findEmailChannel } from "./unsubscribe";

/**
 * The token in a confirmation link: HMAC-SHA256 (keyed with SECRET_KEY) of the channel UUID and
 * the address. The purpose label keeps it from doubling as any other HMAC we compute.
 */
export function getVerifyToken(channelCode: string, address: string): string {
  return createHmac("sha256", getEnv().secretKey)
    .update(`vigil.channel-verify\n${channelCode}\n${address.toLowerCase()}`)
    .digest("base64url");
}

/**
 * The email channel a confirmation link is for, or null when the channel is gone, is not an
 * email channel, or the token does not match its current address (tampered or outdated link).
 */
export async function findChannelByVerifyToken(channelCode: string, token: string): Promise<(Channel & { project: Project }) | null> {
  const channel = await findEmailChannel(channelCode);
  const address = channel ? readUpDownConfig(channel.config).value : "";
  if (!channel || !address) return null;
  const expected = Buffer.from(getVerifyToken(channel.code, address));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return channel;
}

/**
 * Whether `address` may be notified without a confirmation link: when EMAIL_USE_VERIFICATION=False,
 * or when it belongs to the project's owner or one of its members (they proved they read that
 * mailbox by signing in with it).
 */
export async function isTrustedEmail(db: Tx, projectId: number, address: string): Promise<boolean> {
  if (!getEnv().emailUseVerification) return true;
  const lower = address.toLowerCase();
  const project = await db.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { owner: { select: { email: true } }, members: { select: { user: { select: { email: true } } } } },
  });
  const emails = [project.owner.email, ...project.members.map((m) => m.user.email)];
  return emails.some((e) => e.toLowerCase() === lower);
}

/** Emails the channel's address its confirmation link. Throws MailError when the mail cannot be sent. */
export async function sendVerificationEmail(channel: Channel, project: Project): Promise<void> {
  const { siteRoot, siteName } = getEnv();
  const address = readUpDownConfig(channel.config).value;
  const link = `${siteRoot}/integrations/${channel.code}/verify/${getVerifyToken(channel.code, address)}`;
  const projectName = project.name || "Default Project";
  await sendMail({
    to: address,
    subject: `Verify email address on ${siteName}`,
    text: [
      "Hello,",
      "",
      `Someone (probably you) asked ${siteName} to send notifications about the project "${projectName}" to this address.`,
      "To start receiving them, confirm the address by opening this link:",
      "",
      link,
      "",
      "If you did not ask for this, ignore this message: nothing will be sent until the address is confirmed.",
      "",
      "--",
      `Regards, ${siteName}`,
      "",
    ].join("\n"),
  });
}

export interface ConfirmChannelEmailOptions {
  channelCode: string;
  /** The link's token: it, not a session, is the authority (the address's owner may have no account). */
  token: string;
}

/**
 * Marks an email channel's address as confirmed when the link's token is valid. Returns the
 * channel; throws AppError("not_found") for an unknown channel or a bad token (the page shows
 * the same "invalid link" for both, so a token cannot be probed channel by channel).
 */
export async function confirmChannelEmail({ channelCode, token }: ConfirmChannelEmailOptions): Promise<Channel> {
  const channel = await findChannelByVerifyToken(channelCode, token);
  if (!channel) throw new AppError("not_found", "This confirmation link is invalid or has expired.");
  return getDb().channel.update({ where: { id: channel.id }, data: { emailVerified: true } });
}

// A writer may press "Resend confirmation" a few times; more would let anyone in a project mail
// an arbitrary address again and again.
const RESENDS_PER_HOUR = 3;

export async function resendVerification(channel: Channel, project: Project, now: Date): Promise<void> {
  if (channel.kind !== "email" || channel.emailVerified) {
    throw new AppError("bad_request", "This integration does not need confirming.");
  }
  const address = normalizeRateLimitEmail(readUpDownConfig(channel.config).value);
  if (!(await consumeToken(`channel-verify:${address}`, RESENDS_PER_HOUR, 3600, now))) {
    throw new AppError("rate_limited", "Too many confirmation emails to this address. Please try again in an hour.");
  }
  try {
    await sendVerificationEmail(channel, project);
  } catch (err) {
    if (err instanceof MailError) throw new AppError("unavailable", `Could not send the email: ${err.message}`);
    throw err;
  }
}
