// Subscribers of a status page: visitors who subscribe (e-mail, or a webhook with an e-mail to
// confirm it through, as Statuspage asks), confirm through the link mailed to them, and leave
// through the link every message carries; and what a page's managers see and remove. The public
// verbs take no actor: the signed link is the authority, as for an alert e-mail's unsubscribe link.
import { requireProjectAccess } from "../auth/permissions";
import type { Actor } from "../auth/actor";
import { getDb, inTransaction, type StatusSubscriber, type Tx } from "../db";
import { AppError, isUniqueViolation, TransportError } from "../errors";
import { parseUrl, resolveHost } from "../http";
import { newStatusCode } from "./events";
import { checkConfirmToken, isValidUnsubscribeToken } from "./subscriber-links";

export type SubscriberKind = "email" | "webhook";

const MAX_EMAIL = 254;
const MAX_URL = 2000;
// Deliberately plain: one @, no spaces, quotes, angle brackets or commas (which could smuggle a
// second recipient into a header), and a dotted domain. Mail servers judge the rest.
const EMAIL = /^[^\s@<>()",;:\\[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** The address, trimmed and lower-cased; throws AppError("bad_request", field "email") when malformed. */
export function normalizeSubscriberEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!email) throw new AppError("bad_request", "Please enter an e-mail address.", { field: "email" });
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) {
    throw new AppError("bad_request", "That does not look like an e-mail address.", { field: "email" });
  }
  return email;
}

/**
 * The webhook URL, if it is http(s) and its host resolves to addresses the outbound policy allows
 * (within `timeoutMs`); throws AppError("bad_request", field "webhook_url") saying what is wrong.
 */
export async function checkWebhookUrl(raw: string, timeoutMs = 5000): Promise<string> {
  const text = raw.trim();
  if (!text) throw new AppError("bad_request", "Please enter the webhook URL.", { field: "webhook_url" });
  if (text.length > MAX_URL) throw new AppError("bad_request", "The webhook URL is too long.", { field: "webhook_url" });
  try {
    const url = parseUrl(text);
    await resolveHost(url.hostname, Date.now() + timeoutMs);
    return url.toString();
  } catch (err) {
    if (!(err instanceof TransportError)) throw err;
    const why = err.message.replace(/^HTTP request failed: /, "");
    throw new AppError("bad_request", `The webhook URL cannot be used: ${why}.`, { field: "webhook_url" });
  }
}

export interface CreateSubscriberOptions {
  pageId: number;
  kind: SubscriberKind;
  /** Already validated: normalizeSubscriberEmail / checkWebhookUrl. */
  target: string;
  /** For webhooks, the address the confirmation goes to. */
  email?: string;
  tx?: Tx;
}

export interface CreateSubscriberResult {
  subscriber: StatusSubscriber;
  /** False when the subscription exists and is confirmed: nothing needs mailing. */
  needsConfirmation: boolean;
}

/**
 * Records a subscription, unconfirmed; subscribing again to what exists changes nothing but the
 * webhook's confirmation address while it is unconfirmed. Callers answer the same either way, so
 * nobody learns who is subscribed.
 */
export async function createSubscriber({ pageId, kind, target, email = "", tx }: CreateSubscriberOptions): Promise<CreateSubscriberResult> {
  const confirmTo = kind === "email" ? "" : email;
  const attempt = () =>
    inTransaction(tx, async (db) => {
      const existing = await db.statusSubscriber.findUnique({ where: { pageId_kind_target: { pageId, kind, target } } });
      if (existing?.confirmedAt) return { subscriber: existing, needsConfirmation: false };
      if (existing) {
        const subscriber =
          existing.email === confirmTo ? existing : await db.statusSubscriber.update({ where: { id: existing.id }, data: { email: confirmTo } });
        return { subscriber, needsConfirmation: true };
      }
      const subscriber = await db.statusSubscriber.create({ data: { code: newStatusCode(), pageId, kind, target, email: confirmTo } });
      return { subscriber, needsConfirmation: true };
    });
  try {
    return await attempt();
  } catch (err) {
    // Two identical subscribe requests raced: the second reads what the first created.
    if (!tx && isUniqueViolation(err)) return attempt();
    throw err;
  }
}

/** The subscriber a link under this page names, or null (unknown code, or another page's). */
export async function findPageSubscriber(pageId: number, subscriberCode: string): Promise<StatusSubscriber | null> {
  if (!/^[0-9a-z]{1,40}$/.test(subscriberCode)) return null;
  const subscriber = await getDb().statusSubscriber.findUnique({ where: { code: subscriberCode } });
  return subscriber && subscriber.pageId === pageId ? subscriber : null;
}

export interface ConfirmSubscriberOptions {
  pageId: number;
  subscriberCode: string;
  token: string;
  now?: Date;
}

/**
 * Confirms a subscription from its link. Returns "confirmed" (also when it already was),
 * "expired" for a genuine link older than 7 days, "invalid" for anything else.
 */
export async function confirmSubscriber({ pageId, subscriberCode, token, now = new Date() }: ConfirmSubscriberOptions): Promise<"confirmed" | "expired" | "invalid"> {
  const subscriber = await findPageSubscriber(pageId, subscriberCode);
  if (!subscriber) return "invalid";
  const verdict = checkConfirmToken(subscriber, token, now);
  if (verdict !== "valid") return verdict;
  await getDb().statusSubscriber.updateMany({ where: { id: subscriber.id, confirmedAt: null }, data: { confirmedAt: now } });
  return "confirmed";
}

export interface UnsubscribeSubscriberOptions {
  pageId: number;
  subscriberCode: string;
  token: string;
}

/**
 * Deletes a subscription from its unsubscribe link (with its pending deliveries). Returns false
 * when the link does not match a subscription of this page; repeating a valid one is harmless,
 * but once deleted the subscription is unknown, so the second call returns false too.
 */
export async function unsubscribeSubscriber({ pageId, subscriberCode, token }: UnsubscribeSubscriberOptions): Promise<boolean> {
  const subscriber = await findPageSubscriber(pageId, subscriberCode);
  if (!subscriber || !isValidUnsubscribeToken(subscriber, token)) return false;
  await getDb().statusSubscriber.deleteMany({ where: { id: subscriber.id } });
  return true;
}

export interface SubscriberListItem {
  code: string;
  kind: SubscriberKind;
  /** The e-mail address, or the webhook URL with its path and query hidden (they often hold a secret). */
  target: string;
  /** For webhooks, the address that confirmed it. */
  email: string;
  confirmedAt: Date | null;
  createdAt: Date;
}

/** Hides what may be a secret in a webhook URL: https://hooks.example.com/… */
export function maskWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname === "/" && !u.search ? u.origin + "/" : `${u.origin}/…`;
  } catch {
    return "…";
  }
}

async function requirePageManager(actor: Actor, pageCode: string, tx?: Tx) {
  const db = tx ?? getDb();
  const page = await db.statusPage.findUnique({ where: { code: pageCode }, include: { project: { select: { code: true } } } });
  if (!page) throw new AppError("not_found", actor.type === "user" ? "status page not found" : "");
  await requireProjectAccess(actor, page.project.code, "manage", db);
  return page;
}

/** The page's subscribers, newest first, confirmed and pending. Managers and owners only. */
export async function listSubscribers({ actor, pageCode }: { actor: Actor; pageCode: string }): Promise<SubscriberListItem[]> {
  const page = await requirePageManager(actor, pageCode);
  const rows = await getDb().statusSubscriber.findMany({ where: { pageId: page.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map((s) => ({
    code: s.code,
    kind: s.kind === "webhook" ? "webhook" : "email",
    target: s.kind === "webhook" ? maskWebhookUrl(s.target) : s.target,
    email: s.email,
    confirmedAt: s.confirmedAt,
    createdAt: s.createdAt,
  }));
}

export interface DeleteSubscriberOptions {
  actor: Actor;
  subscriberCode: string;
  tx?: Tx;
}

/** Removes a subscriber (and its pending deliveries). Managers and owners of the page's project only. */
export async function deleteSubscriber({ actor, subscriberCode, tx }: DeleteSubscriberOptions): Promise<void> {
  await inTransaction(tx, async (db) => {
    const subscriber = await db.statusSubscriber.findUnique({ where: { code: subscriberCode }, include: { page: { select: { code: true } } } });
    if (!subscriber) throw new AppError("not_found", actor.type === "user" ? "subscriber not found" : "");
    await requirePageManager(actor, subscriber.page.code, db);
    await db.statusSubscriber.delete({ where: { id: subscriber.id } });
  });
}
