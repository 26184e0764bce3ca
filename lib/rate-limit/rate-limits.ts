// The sign-in rate limits of Healthchecks §7.3, each a TokenBucket. They live together so the
// numbers can be read (and changed) in one place. Each returns true when the attempt may go on.
import { consumeToken } from "./consume-token";
import { normalizeRateLimitEmail } from "./normalize-rate-limit-email";

const HOUR = 3600;
const DAY = 86_400;

/** 20 sign-in or sign-up attempts per client IP per hour. */
export function allowSignInAttempt(ip: string, now?: Date): Promise<boolean> {
  return consumeToken(`ip:${ip}`, 20, HOUR, now);
}

/** 10 emailed sign-in links per address per hour. */
export function allowLoginLink(email: string, now?: Date): Promise<boolean> {
  return consumeToken(`login-link:${normalizeRateLimitEmail(email)}`, 10, HOUR, now);
}

/** 20 password attempts per address per day. */
export function allowPasswordAttempt(email: string, now?: Date): Promise<boolean> {
  return consumeToken(`password:${normalizeRateLimitEmail(email)}`, 20, DAY, now);
}

/** 96 second-factor codes (TOTP or backup) per user per day. */
export function allowTotpAttempt(userId: number, now?: Date): Promise<boolean> {
  return consumeToken(`totp:${userId}`, 96, DAY, now);
}

export const RATE_LIMITED_MESSAGE = "Too many attempts. Please wait a while and try again.";
