import { getDb } from "../db";
import { CONFIRM_LINK_DAYS } from "../status-pages/subscriber-links";
import { STATUS_EVENT_RETENTION_MS } from "./retention";

/**
 * Removes what status pages no longer need: subscriptions never confirmed whose link has
 * expired (subscribing again sends a new one), and subscriber events older than
 * STATUS_EVENT_RETENTION_MS with their deliveries (a delivery's retries end within two days).
 * Incidents, maintenances and confirmed subscribers are the pages' history and stay.
 */
export async function pruneStatusPages(now: Date = new Date()): Promise<{ subscribers: number; events: number }> {
  const db = getDb();
  const unconfirmed = await db.statusSubscriber.deleteMany({
    where: { confirmedAt: null, createdAt: { lt: new Date(now.getTime() - CONFIRM_LINK_DAYS * 86_400_000) } },
  });
  // Served by the fanned_out_at index; an event not yet fanned out is never removed.
  const events = await db.statusEvent.deleteMany({ where: { fannedOutAt: { lt: new Date(now.getTime() - STATUS_EVENT_RETENTION_MS) } } });
  return { subscribers: unconfirmed.count, events: events.count };
}
