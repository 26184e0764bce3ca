// Pruning status pages' bookkeeping on both databases: subscriptions never confirmed whose link
// expired, and subscriber events (with their deliveries) older than 93 days. Confirmed
// subscribers, incidents and events still waiting to be fanned out stay.
import { beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { pruneStatusPages } from "../../lib/prune/prune-status-pages";
import { runPruneTask } from "../../lib/prune/run-prune-task";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

forEachDatabase(() => {
  let pageId: number;
  let incidentId: number;
  beforeEach(async () => {
    await resetDatabase();
    const db = getDb();
    const fx = await createFixtures();
    const check = await createCheck(fx.project.id, { name: "API" });
    const page = await db.statusPage.create({ data: { code: "pagecode0001", projectId: fx.project.id, slug: "acme", title: "Acme" } });
    await db.statusComponent.create({ data: { code: "compcode0001", pageId: page.id, checkId: check.id, name: "API" } });
    const incident = await db.statusIncident.create({ data: { code: "inccode00001", pageId: page.id, name: "Down", createdAt: ago(200) } });
    pageId = page.id;
    incidentId = incident.id;
  });

  const subscriber = (code: string, createdAt: Date, confirmedAt: Date | null) =>
    getDb().statusSubscriber.create({ data: { code, pageId, kind: "email", target: `${code}@example.org`, createdAt, confirmedAt } });
  const event = (key: string, createdAt: Date, fannedOutAt: Date | null) =>
    getDb().statusEvent.create({ data: { pageId, incidentId, kind: "incident_updated", key, createdAt, fannedOutAt } });

  test("removes expired unconfirmed subscriptions and old fanned-out events with their deliveries", async () => {
    const db = getDb();
    await subscriber("expired", ago(8), null);
    await subscriber("pending", ago(6), null);
    const kept = await subscriber("confirmed", ago(300), ago(299));
    const old = await event("old", ago(100), ago(100));
    await event("recent", ago(10), ago(10));
    await event("waiting", ago(100), null);
    await db.statusDelivery.create({ data: { eventId: old.id, subscriberId: kept.id, deliveredAt: ago(100) } });

    expect(await pruneStatusPages(NOW)).toEqual({ subscribers: 1, events: 1 });
    expect((await db.statusSubscriber.findMany({ orderBy: { code: "asc" } })).map((s) => s.code)).toEqual(["confirmed", "pending"]);
    expect((await db.statusEvent.findMany({ orderBy: { key: "asc" } })).map((e) => e.key)).toEqual(["recent", "waiting"]);
    expect(await db.statusDelivery.count()).toBe(0);
    expect(await db.statusIncident.count()).toBe(1);
    expect(await pruneStatusPages(NOW)).toEqual({ subscribers: 0, events: 0 });
  });

  test("is the `statuspages` prune task", async () => {
    await subscriber("expired", ago(8), null);
    expect((await runPruneTask("statuspages", NOW)).summary).toBe("statuspages: removed 1 unconfirmed subscriber and 0 old subscriber events");
  });
});
