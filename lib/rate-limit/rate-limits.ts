// The sign-in and invite rate limits, each a TokenBucket (consume-token.ts). They live together
// so the numbers can be read (and changed) in one place. Each `allow…` returns true when the
// attempt may go on, and counts it.
import { consumeToken, deleteBucket } from "./consume-token";

const HOUR = 3600;
const DAY = 86_400;

export const RATE_LIMITED_MESSAGE = "Too many attempts. Please wait a while and try again.";

/**
 * The form of an address that rate limits count by: lowercased, dots and "+alias" removed from
 * the mailbox (Healthchecks does the same), so a.l.i.c.e+1@ and alice+2@ share alice@'s budget.
 */
export function normalizeRateLimitEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at === -1) return lower;
  const mailbox = lower.slice(0, at).split("+")[0].replaceAll(".", "");
  return `${mailbox}@${lower.slice(at + 1)}`;
}

/** 20 sign-in or sign-up attempts per client address per hour. */
export function allowSignInAttempt(ip: string, now?: Date): Promise<boolean> {
  return consumeToken(`ip:${ip}`, 20, HOUR, now);
}

/** 10 emailed sign-in links per address per hour. */
export function allowLoginLink(email: string, now?: Date): Promise<boolean> {
  return consumeToken(`login-link:${normalizeRateLimitEmail(email)}`, 10, HOUR, now);
}

function passwordKey(email: string, ip: string): string {
  return `password:${normalizeRateLimitEmail(email)}:${ip}`;
}

/**
 * 20 password attempts per account per client address per day. Counting by account alone (as
 * Healthchecks does) let anyone lock an owner out with 20 wrong guesses; per address, wrong
 * guesses from elsewhere cost the owner nothing, and each address is still held to 20 sign-in
 * attempts an hour over all accounts (allowSignInAttempt).
 */
export function allowPasswordAttempt(email: string, ip: string, now?: Date): Promise<boolean> {
  return consumeToken(passwordKey(email, ip), 20, DAY, now);
}

/** After a right password from `ip`, that address's earlier misses stop counting. */
export function resetPasswordAttempts(email: string, ip: string): Promise<void> {
  return deleteBucket(passwordKey(email, ip));
}

/** 20 checks of the current password (account settings) per account per day. */
export function allowCurrentPasswordCheck(userId: number, now?: Date): Promise<boolean> {
  return consumeToken(`current-password:${userId}`, 20, DAY, now);
}

/** 96 second-factor codes (TOTP or backup) per user per day. */
export function allowTotpAttempt(userId: number, now?: Date): Promise<boolean> {
  return consumeToken(`totp:${userId}`, 96, DAY, now);
}

/** Healthchecks' TokenBucket.authorize_invite: 20 invites of new people a day per inviter. */
export function allowInvite(inviterId: number, now?: Date): Promise<boolean> {
  return consumeToken(`invite:${inviterId}`, 20, DAY, now);
}
