// The unsubscribe link of every alert email (also its List-Unsubscribe header), after
// Healthchecks' Channel.get_unsub_link: SITE_ROOT/integrations/<channel uuid>/unsub/<signature>/.
// The signature is an HMAC-SHA256 of the channel UUID keyed with SECRET_KEY, so knowing a
// channel's UUID (every project member sees them, read-only ones and former members included) is
// not enough to silence it. Nothing is stored: a new SECRET_KEY invalidates the links already sent.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb, type Channel, type Project } from "../../db";
import { getEnv } from "../../env";
import { AppError } from "../../errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signature in a channel's unsubscribe link. The purpose label keeps it from doubling as any other HMAC. */
export function getUnsubscribeToken(channelCode: string): string {
  return createHmac("sha256", getEnv().secretKey).update(`vigil.channel-unsubscribe\n${channelCode.toLowerCase()}`).digest("base64url");
}

/** The link alert emails carry for `channelCode`. */
export function getUnsubscribeUrl(channelCode: string): string {
  return `${getEnv().siteRoot}/integrations/${channelCode}/unsub/${getUnsubscribeToken(channelCode)}/`;
}

/** Whether `token` is the signature of `channelCode`'s unsubscribe link (compared in constant time). */
export function isValidUnsubscribeToken(channelCode: string, token: string): boolean {
  const expected = Buffer.from(getUnsubscribeToken(channelCode));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The email channel with this UUID and its project, or null (unknown code or another kind). */
export async function findEmailChannel(channelCode: string): Promise<(Channel & { project: Project }) | null> {
  if (!UUID.test(channelCode)) return null;
  const channel = await getDb().channel.findUnique({ where: { code: channelCode }, include: { project: true } });
  return channel?.kind === "email" ? channel : null;
}

export interface UnsubscribeChannelOptions {
  channelCode: string;
  /** The link's signature: it, not a session, is the authority (mail providers POST without cookies). */
  token: string;
}

/**
 * Disables an email channel from its unsubscribe link (Healthchecks: "unsubscribe link disables
 * channel"); it stays listed, marked disabled, until a member saves it again, which asks the
 * address to confirm. Repeating it is harmless. Returns false for an unknown or non-email
 * channel; throws AppError("bad_request") when the signature does not match the channel.
 */
export async function unsubscribeChannel({ channelCode, token }: UnsubscribeChannelOptions): Promise<boolean> {
  if (!isValidUnsubscribeToken(channelCode, token)) throw new AppError("bad_request", "bad link");
  const channel = await findEmailChannel(channelCode);
  if (!channel) return false;
  await getDb().channel.update({ where: { id: channel.id }, data: { disabled: true } });
  return true;
}
