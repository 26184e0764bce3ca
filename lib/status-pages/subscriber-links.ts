// The links a status-page subscriber is sent: confirm (double opt-in) and unsubscribe. Nothing is
// stored: each token is an HMAC keyed with SECRET_KEY over a purpose label, the subscriber's
// code and its target, so a link stops working when the subscription is deleted (a new one gets
// a new code) and a new SECRET_KEY invalidates every link already sent. A confirmation link
// carries its expiry (7 days, as OpenStatus) inside the signed text; an unsubscribe link never
// expires, because old mails must still be able to stop new ones.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "../env";

export const CONFIRM_LINK_DAYS = 7;
const DAY_MS = 86_400_000;

interface SubscriberRef {
  code: string;
  kind: string;
  target: string;
}

function sign(purpose: string, subscriber: SubscriberRef, extra = ""): string {
  return createHmac("sha256", getEnv().secretKey)
    .update(`vigil.status-${purpose}\n${subscriber.code}\n${subscriber.kind}\n${subscriber.target}\n${extra}`)
    .digest("base64url");
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** "<expiry in unix seconds>.<signature>", valid until `now` + 7 days. */
export function getConfirmToken(subscriber: SubscriberRef, now = new Date()): string {
  const expires = String(Math.floor((now.getTime() + CONFIRM_LINK_DAYS * DAY_MS) / 1000));
  return `${expires}.${sign("confirm", subscriber, expires)}`;
}

export type ConfirmTokenVerdict = "valid" | "expired" | "invalid";

/** Whether a confirmation token is this subscriber's and still in time (signature checked first). */
export function checkConfirmToken(subscriber: SubscriberRef, token: string, now = new Date()): ConfirmTokenVerdict {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m || !sameText(sign("confirm", subscriber, m[1]), m[2])) return "invalid";
  return Number(m[1]) * 1000 < now.getTime() ? "expired" : "valid";
}

export function getUnsubscribeToken(subscriber: SubscriberRef): string {
  return sign("unsubscribe", subscriber);
}

export function isValidUnsubscribeToken(subscriber: SubscriberRef, token: string): boolean {
  return sameText(getUnsubscribeToken(subscriber), token);
}

/** The confirmation link under `baseUrl` (the page's root as the visitor reached it). */
export function getConfirmUrl(baseUrl: string, subscriber: SubscriberRef, now = new Date()): string {
  return `${baseUrl}/subscriptions/${subscriber.code}/confirm?token=${getConfirmToken(subscriber, now)}`;
}

/** The unsubscribe link of every mail and webhook; also the List-Unsubscribe target. */
export function getUnsubscribeUrl(baseUrl: string, subscriber: SubscriberRef): string {
  return `${baseUrl}/subscriptions/${subscriber.code}/unsubscribe?token=${getUnsubscribeToken(subscriber)}`;
}
