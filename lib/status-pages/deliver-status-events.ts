// The subscriber outbox, drained by sendalerts: each status event fans out into one delivery per
// subscriber confirmed before it, and each delivery is claimed, sent (an e-mail, or Statuspage's
// webhook JSON) and marked delivered, or retried later with backoff. Safe with several workers:
// an event is fanned out by whoever moves its fanned_out_at from NULL, a delivery is sent by
// whoever moves its claimed_at from the value read (a claim older than the lease may be retaken,
// so a worker that died mid-send does not strand it), and (event, subscriber) is unique.
import { getDb, type StatusDelivery, type StatusSubscriber } from "../db";
import { TransportError } from "../errors";
import { request } from "../http";
import { MailError, sendMail } from "../mail";
import { buildEventMail, buildWebhookPayload, loadEventMessage, type EventMessage } from "./subscriber-messages";

/** How long a claimed delivery is left to its worker before another may take it. */
export const DELIVERY_LEASE_MS = 5 * 60_000;
/** Pauses after the 1st, 2nd, … failed attempt; the last one repeats. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000];
/** Attempts before a delivery is given up (about two days of trying). */
export const MAX_ATTEMPTS = 8;
// Statuspage: the receiver must answer within 30 s.
const WEBHOOK_TIMEOUT_MS = 30_000;

/**
 * Fans out events not yet fanned out (oldest first, up to `limit`). Returns how many this call
 * fanned out; an event another worker took meanwhile is skipped.
 */
export async function fanOutStatusEvents(now = new Date(), limit = 50): Promise<number> {
  const db = getDb();
  const events = await db.statusEvent.findMany({
    where: { fannedOutAt: null },
    select: { id: true, pageId: true, createdAt: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  let done = 0;
  for (const event of events) {
    const claimed = await db.$transaction(async (tx) => {
      const { count } = await tx.statusEvent.updateMany({ where: { id: event.id, fannedOutAt: null }, data: { fannedOutAt: now } });
      if (count !== 1) return false;
      // Only those confirmed by the time it happened: subscribing later does not replay the past.
      const subscribers = await tx.statusSubscriber.findMany({
        where: { pageId: event.pageId, confirmedAt: { not: null, lte: event.createdAt } },
        select: { id: true },
      });
      if (subscribers.length) {
        await tx.statusDelivery.createMany({
          data: subscribers.map((s) => ({ eventId: event.id, subscriberId: s.id, nextAttemptAt: now, createdAt: now })),
        });
      }
      return true;
    });
    if (claimed) done++;
  }
  return done;
}

export type ClaimedDelivery = StatusDelivery & { subscriber: StatusSubscriber };

/** Claims up to `limit` due deliveries, oldest first; each is this worker's until it reports back. */
export async function claimStatusDeliveries(now = new Date(), limit = 20): Promise<ClaimedDelivery[]> {
  const db = getDb();
  const leaseExpired = new Date(now.getTime() - DELIVERY_LEASE_MS);
  const due = await db.statusDelivery.findMany({
    where: {
      deliveredAt: null,
      givenUp: false,
      nextAttemptAt: { lte: now },
      OR: [{ claimedAt: null }, { claimedAt: { lt: leaseExpired } }],
    },
    include: { subscriber: true },
    orderBy: { id: "asc" },
    take: limit,
  });
  const claimed: ClaimedDelivery[] = [];
  for (const d of due) {
    const { count } = await db.statusDelivery.updateMany({
      where: { id: d.id, deliveredAt: null, claimedAt: d.claimedAt },
      data: { claimedAt: now, attempts: { increment: 1 } },
    });
    if (count === 1) claimed.push({ ...d, claimedAt: now, attempts: d.attempts + 1 });
  }
  return claimed;
}

/** Sends one delivery's message; throws TransportError or MailError when it did not arrive. */
async function send(message: EventMessage, subscriber: StatusSubscriber): Promise<void> {
  if (subscriber.kind === "webhook") {
    await request({
      method: "POST",
      url: subscriber.target,
      headers: { "Content-Type": "application/json" },
      body: buildWebhookPayload(message, subscriber),
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      // Retries are this outbox's, with backoff; Statuspage counts a 3xx as a failure.
      retries: 1,
      maxRedirects: 0,
      isOkStatus: (status) => status >= 200 && status < 300,
    });
    return;
  }
  await sendMail(buildEventMail(message, subscriber));
}

export interface DeliveryOutcome {
  deliveryId: number;
  subscriberCode: string;
  kind: string;
  /** "" when delivered. */
  error: string;
  givenUp: boolean;
}

/**
 * Sends a claimed delivery and records the outcome: delivered, or the error with the next attempt
 * scheduled (given up after MAX_ATTEMPTS). `messages` caches each event's message for a batch.
 */
export async function deliverStatusDelivery(
  delivery: ClaimedDelivery,
  messages: Map<number, Promise<EventMessage | null>> = new Map(),
  now = () => new Date(),
): Promise<DeliveryOutcome> {
  const db = getDb();
  const outcome: DeliveryOutcome = { deliveryId: delivery.id, subscriberCode: delivery.subscriber.code, kind: delivery.subscriber.kind, error: "", givenUp: false };
  let message = messages.get(delivery.eventId);
  if (!message) {
    message = loadEventMessage(delivery.eventId, now());
    messages.set(delivery.eventId, message);
  }
  try {
    const loaded = await message;
    // The event (its incident or page) was deleted meanwhile: nothing left to tell.
    if (loaded) await send(loaded, delivery.subscriber);
  } catch (err) {
    if (!(err instanceof TransportError || err instanceof MailError)) throw err;
    outcome.error = err.message || "delivery failed";
  }
  // updateMany: the subscriber (and with it this row) may have been deleted while we sent.
  if (!outcome.error) {
    await db.statusDelivery.updateMany({ where: { id: delivery.id }, data: { deliveredAt: now(), claimedAt: null, error: "" } });
    return outcome;
  }
  outcome.givenUp = delivery.attempts >= MAX_ATTEMPTS;
  const delay = RETRY_DELAYS_MS[Math.min(delivery.attempts, RETRY_DELAYS_MS.length) - 1];
  await db.statusDelivery.updateMany({
    where: { id: delivery.id },
    data: {
      claimedAt: null,
      error: outcome.error.slice(0, 1000),
      givenUp: outcome.givenUp,
      nextAttemptAt: new Date(now().getTime() + delay),
    },
  });
  return outcome;
}
