// The prune that every 100th ping of a check runs in its transaction (Healthchecks'
// Check.prune()), through the real front server on both databases.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

forEachDatabase(() => {
  let server: FrontServer;
  let base: string;
  let projectId: number;
  let channelId: number;

  beforeAll(async () => {
    server = await startFrontServer({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await resetDatabase();
    projectId = (await createFixtures()).project.id;
    channelId = (await getDb().channel.create({ data: { code: randomUUID(), projectId, kind: "email", config: "{}" } })).id;
  });

  const setLimit = (limit: number) => getDb().project.update({ where: { id: projectId }, data: { pingLogLimit: limit } });

  /** A check that already received 99 pings, ping n at pingTime(n). */
  async function checkWith99Pings(pingTime: (n: number) => Date): Promise<Check> {
    const check = await createCheck(projectId, { status: "up", nPings: 99 });
    await getDb().ping.createMany({
      data: Array.from({ length: 99 }, (_, i) => ({ checkId: check.id, n: i + 1, createdAt: pingTime(i + 1) })),
    });
    return check;
  }

  const addNotification = (checkId: number | null, createdAt: Date) =>
    getDb().notification.create({ data: { code: randomUUID(), checkId, checkStatus: "down", channelId, createdAt } });
  const addFlip = (checkId: number, createdAt: Date) =>
    getDb().flip.create({ data: { checkId, createdAt, processedAt: createdAt, oldStatus: "up", newStatus: "down" } });
  const ping = async (check: Check) => expect((await fetch(`${base}/ping/${check.code}`)).status).toBe(200);
  const times = async (model: "notification" | "flip", checkId: number | null) =>
    (await (model === "flip" ? getDb().flip.findMany({ where: { checkId: checkId! } }) : getDb().notification.findMany({ where: { checkId } })))
      .map((r) => r.createdAt.getTime())
      .sort((a, b) => a - b);

  test("the 100th ping keeps ping_log_limit pings and drops notifications older than the oldest kept ping", async () => {
    await setLimit(5);
    const now = Date.now();
    // Ping n arrived (100 - n) hours ago: the oldest kept one, n = 96, 4 hours ago.
    const check = await checkWith99Pings((n) => new Date(now - (100 - n) * HOUR));
    await addNotification(check.id, new Date(now - 5 * HOUR));
    await addNotification(check.id, new Date(now - 3 * HOUR));
    const other = await createCheck(projectId);
    await addNotification(other.id, new Date(now - 50 * DAY));
    await addNotification(null, new Date(now - 50 * DAY));

    await ping(check);

    const pings = await getDb().ping.findMany({ where: { checkId: check.id }, orderBy: { n: "asc" } });
    expect(pings.map((p) => p.n)).toEqual([96, 97, 98, 99, 100]);
    expect(await times("notification", check.id)).toEqual([now - 3 * HOUR]);
    // Other checks and test notifications are not this check's to prune.
    expect(await times("notification", other.id)).toHaveLength(1);
    expect(await times("notification", null)).toHaveLength(1);
  });

  test("flips are kept for 93 days even when every kept ping is newer", async () => {
    await setLimit(5);
    const now = Date.now();
    const check = await checkWith99Pings((n) => new Date(now - (100 - n) * HOUR));
    await addFlip(check.id, new Date(now - 94 * DAY));
    await addFlip(check.id, new Date(now - 92 * DAY));
    await addFlip(check.id, new Date(now - 10 * DAY));

    await ping(check);

    expect(await times("flip", check.id)).toEqual([now - 92 * DAY, now - 10 * DAY]);
  });

  test("flips newer than the oldest kept ping survive past 93 days", async () => {
    await setLimit(95);
    const now = Date.now();
    // Ping n arrived (100 - n) days ago: the oldest kept one, n = 6, 94 days ago.
    const check = await checkWith99Pings((n) => new Date(now - (100 - n) * DAY));
    await addFlip(check.id, new Date(now - 95 * DAY));
    await addFlip(check.id, new Date(now - 93.5 * DAY));
    await addNotification(check.id, new Date(now - 94.5 * DAY));
    await addNotification(check.id, new Date(now - 93.5 * DAY));

    await ping(check);

    expect(await getDb().ping.count({ where: { checkId: check.id } })).toBe(95);
    expect(await times("flip", check.id)).toEqual([now - 93.5 * DAY]);
    expect(await times("notification", check.id)).toEqual([now - 93.5 * DAY]);
  });

  test("with a limit of 1 the ping being recorded is the oldest kept one", async () => {
    await setLimit(1);
    const now = Date.now();
    const check = await checkWith99Pings((n) => new Date(now - (100 - n) * HOUR));
    await addNotification(check.id, new Date(now - 60_000));
    await addNotification(check.id, new Date(now + HOUR));

    await ping(check);

    const pings = await getDb().ping.findMany({ where: { checkId: check.id } });
    expect(pings.map((p) => p.n)).toEqual([100]);
    expect(await times("notification", check.id)).toEqual([now + HOUR]);
  });

  test("concurrent pings that share a batch prune as if they came one by one", async () => {
    await setLimit(3);
    const check = await createCheck(projectId);
    const old = new Date(Date.now() - 60_000);
    await addNotification(check.id, old);
    const results = await Promise.all(Array.from({ length: 100 }, () => fetch(`${base}/ping/${check.code}`).then((r) => r.status)));
    expect(results.every((s) => s === 200)).toBe(true);
    const pings = await getDb().ping.findMany({ where: { checkId: check.id }, orderBy: { n: "asc" } });
    expect(pings.map((p) => p.n)).toEqual([98, 99, 100]);
    expect(await times("notification", check.id)).toEqual([]);
    // The check's own first flip (new -> up) is recent and stays.
    expect(await getDb().flip.count({ where: { checkId: check.id } })).toBe(1);
  });

  test("pings that are not every 100th prune nothing", async () => {
    await setLimit(5);
    const check = await createCheck(projectId, { status: "up", nPings: 0 });
    await addNotification(check.id, new Date(Date.now() - 365 * DAY));
    for (let i = 0; i < 10; i++) await ping(check);
    expect(await getDb().ping.count({ where: { checkId: check.id } })).toBe(10);
    expect(await times("notification", check.id)).toHaveLength(1);
  });
});
