// The `vigil prune` tasks against real data on both databases.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { pruneFlips } from "../../lib/prune/prune-flips";
import { pruneNotifications } from "../../lib/prune/prune-notifications";
import { prunePings } from "../../lib/prune/prune-pings";
import { pruneTokenBuckets } from "../../lib/prune/prune-token-buckets";
import { pruneUsers } from "../../lib/prune/prune-users";
import { runHousekeeping } from "../../lib/prune/run-housekeeping";
import { runPruneTask } from "../../lib/prune/run-prune-task";
import { createCheck, createFixtures } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

forEachDatabase(() => {
  let fx: Awaited<ReturnType<typeof createFixtures>>;
  let channelId: number;
  const db = () => getDb();

  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixtures();
    channelId = (await db().channel.create({ data: { code: randomUUID(), projectId: fx.project.id, kind: "email", config: "{}" } })).id;
  });

  /** A check with `count` pings, n = 1..count, ping n at pingTime(n); n_pings = count. */
  async function checkWithPings(count: number, pingTime: (n: number) => Date, projectId = fx.project.id): Promise<Check> {
    const check = await createCheck(projectId, { status: "up", nPings: count });
    await db().ping.createMany({ data: Array.from({ length: count }, (_, i) => ({ checkId: check.id, n: i + 1, createdAt: pingTime(i + 1) })) });
    return check;
  }
  const addNotification = (checkId: number | null, createdAt: Date) =>
    db().notification.create({ data: { code: randomUUID(), checkId, checkStatus: "down", channelId, createdAt } });
  const addFlip = (checkId: number, createdAt: Date) =>
    db().flip.create({ data: { checkId, createdAt, processedAt: createdAt, oldStatus: "up", newStatus: "down" } });
  const pingNs = async (checkId: number) => (await db().ping.findMany({ where: { checkId }, orderBy: { n: "asc" } })).map((p) => p.n);

  describe("prunePings", () => {
    test("trims every check to its project's ping_log_limit, with the notifications and flips it no longer needs", async () => {
      await db().project.update({ where: { id: fx.project.id }, data: { pingLogLimit: 10 } });
      // 150 pings an hour apart: the oldest kept one (n = 141) is 9 hours old.
      const busy = await checkWithPings(150, (n) => ago((150 - n) * HOUR));
      await addNotification(busy.id, ago(10 * HOUR));
      await addNotification(busy.id, ago(8 * HOUR));
      await addFlip(busy.id, ago(100 * DAY));
      await addFlip(busy.id, ago(50 * DAY));
      // Charlie's project keeps the default 100: his check is within it.
      const quiet = await checkWithPings(60, (n) => ago((60 - n) * HOUR), fx.charliesProject.id);
      await addNotification(quiet.id, ago(365 * DAY));

      const result = await prunePings(NOW);

      expect(result).toEqual({ checks: 1, pings: 140, notifications: 1, flips: 1 });
      expect(await pingNs(busy.id)).toEqual(Array.from({ length: 10 }, (_, i) => 141 + i));
      expect(await db().notification.count({ where: { checkId: busy.id } })).toBe(1);
      expect(await db().flip.count({ where: { checkId: busy.id } })).toBe(1);
      expect(await pingNs(quiet.id)).toHaveLength(60);
      expect(await db().notification.count({ where: { checkId: quiet.id } })).toBe(1);
    });

    test("pages through more checks than one query returns, and a second run finds nothing", async () => {
      await db().project.update({ where: { id: fx.project.id }, data: { pingLogLimit: 1 } });
      const checks: Check[] = [];
      for (let i = 0; i < 5; i++) checks.push(await checkWithPings(3, (n) => ago((3 - n) * HOUR)));

      expect(await prunePings(NOW, { pageSize: 2 })).toEqual({ checks: 5, pings: 10, notifications: 0, flips: 0 });
      for (const c of checks) expect(await pingNs(c.id)).toEqual([3]);
      expect(await prunePings(NOW, { pageSize: 2 })).toEqual({ checks: 0, pings: 0, notifications: 0, flips: 0 });
    });
  });

  describe("pruneFlips", () => {
    test("removes flips older than 93 days and than the oldest kept ping", async () => {
      // Pings from 200 days ago until now: the oldest kept one is older than 93 days.
      const old = await checkWithPings(3, (n) => ago([200, 100, 0][n - 1]! * DAY));
      for (const days of [250, 150, 95, 10]) await addFlip(old.id, ago(days * DAY));
      // Recent pings only: the 93 days decide.
      const fresh = await checkWithPings(2, (n) => ago((2 - n) * HOUR));
      for (const days of [94, 92]) await addFlip(fresh.id, ago(days * DAY));
      // No pings at all: the 93 days decide too.
      const silent = await createCheck(fx.project.id);
      for (const days of [120, 30]) await addFlip(silent.id, ago(days * DAY));

      expect(await pruneFlips(NOW)).toEqual({ checks: 3, flips: 3 });
      const daysLeft = async (c: Check) =>
        (await db().flip.findMany({ where: { checkId: c.id }, orderBy: { createdAt: "asc" } })).map((f) =>
          Math.round((NOW.getTime() - f.createdAt.getTime()) / DAY),
        );
      expect(await daysLeft(old)).toEqual([150, 95, 10]);
      expect(await daysLeft(fresh)).toEqual([92]);
      expect(await daysLeft(silent)).toEqual([30]);
    });
  });

  describe("pruneNotifications", () => {
    test("removes notifications older than their check's oldest ping, and test notifications after 93 days", async () => {
      const check = await checkWithPings(2, (n) => ago((3 - n) * DAY));
      await addNotification(check.id, ago(5 * DAY));
      await addNotification(check.id, ago(1 * DAY));
      const silent = await createCheck(fx.project.id);
      await addNotification(silent.id, ago(400 * DAY));
      await addNotification(null, ago(100 * DAY));
      await addNotification(null, ago(10 * DAY));

      expect(await pruneNotifications(NOW)).toEqual({ checks: 1, notifications: 1, testNotifications: 1 });
      expect(await db().notification.count({ where: { checkId: check.id } })).toBe(1);
      // A check without pings has nothing to compare with and keeps its notifications.
      expect(await db().notification.count({ where: { checkId: silent.id } })).toBe(1);
      expect(await db().notification.count({ where: { checkId: null } })).toBe(1);
    });
  });

  describe("pruneTokenBuckets", () => {
    test("removes buckets not updated for a day", async () => {
      await db().tokenBucket.createMany({
        data: [
          { value: "rl-old", tokens: 0.5, updatedAt: ago(DAY + 1000) },
          { value: "rl-new", tokens: 0.5, updatedAt: ago(DAY - 1000) },
        ],
      });
      expect(await pruneTokenBuckets(NOW)).toBe(1);
      expect((await db().tokenBucket.findMany()).map((b) => b.value)).toEqual(["rl-new"]);
    });
  });

  describe("runHousekeeping", () => {
    test("prunes token buckets as soon as it starts, and stops when aborted", async () => {
      await db().tokenBucket.create({ data: { value: "rl-old", tokens: 1, updatedAt: new Date(Date.now() - 2 * DAY) } });
      const controller = new AbortController();
      const lines: string[] = [];
      let onLog!: () => void;
      const logged = new Promise<void>((resolve) => (onLog = resolve));
      const run = runHousekeeping({ signal: controller.signal, log: (line) => (lines.push(line), onLog()), intervalMs: 3_600_000 });
      await logged;
      expect(lines).toEqual(["housekeeping: removed 1 unused rate-limit buckets"]);
      expect(await db().tokenBucket.count()).toBe(0);
      controller.abort();
      await run;
    });
  });

  describe("pruneUsers", () => {
    test("removes accounts over 30 days old that never signed in and joined no team, with their projects", async () => {
      const old = ago(31 * DAY);
      // alice: never signed in, no memberships, her project has no team, no API key, no pings.
      await db().user.updateMany({ data: { createdAt: old } });
      await db().member.deleteMany();
      await db().user.updateMany({ where: { id: { in: [fx.bob.id, fx.charlie.id] } }, data: { lastLoginAt: ago(DAY) } });
      const recent = await db().user.create({ data: { email: "new@example.org", createdAt: ago(29 * DAY) } });
      const check = await createCheck(fx.project.id);

      const result = await pruneUsers(NOW);

      expect(result).toEqual({ emails: ["alice@example.org"], checks: 1 });
      const left = (await db().user.findMany({ orderBy: { id: "asc" } })).map((u) => u.email);
      expect(left).toEqual(["bob@example.org", "charlie@example.org", recent.email]);
      expect(await db().project.findUnique({ where: { id: fx.project.id } })).toBeNull();
      expect(await db().check.findUnique({ where: { id: check.id } })).toBeNull();
    });

    test("keeps a never-signed-in account whose project has a team member, an API key or a pinged check", async () => {
      await db().user.updateMany({ data: { createdAt: ago(31 * DAY) } });
      await db().user.updateMany({ where: { id: { in: [fx.bob.id, fx.charlie.id] } }, data: { lastLoginAt: ago(DAY) } });
      // bob is a member of alice's project: alice stays, and so does bob's membership.
      expect(await pruneUsers(NOW)).toEqual({ emails: [], checks: 0 });
      await db().member.deleteMany();

      // An account made with `vigil createuser --json` and used only through the API.
      await db().project.update({ where: { id: fx.project.id }, data: { apiKey: "hcw_abcd.0123" } });
      expect(await pruneUsers(NOW)).toEqual({ emails: [], checks: 0 });
      await db().project.update({ where: { id: fx.project.id }, data: { apiKey: "" } });

      await checkWithPings(1, () => ago(DAY));
      expect(await pruneUsers(NOW)).toEqual({ emails: [], checks: 0 });
      expect(await db().user.count({ where: { email: "alice@example.org" } })).toBe(1);
    });
  });

  describe("runPruneTask", () => {
    test("describes what each task removed in one line", async () => {
      await db().tokenBucket.create({ data: { value: "rl-old", tokens: 1, updatedAt: ago(2 * DAY) } });
      expect((await runPruneTask("tokenbuckets", NOW)).summary).toBe("tokenbuckets: removed 1");
      expect((await runPruneTask("pings", NOW)).summary).toBe("pings: removed 0 from 0 checks");
      expect((await runPruneTask("flips", NOW)).summary).toBe("flips: removed 0 from 0 checks");
      expect((await runPruneTask("notifications", NOW)).summary).toBe("notifications: removed 0 from 0 checks, and 0 test notifications");
      expect((await runPruneTask("users", NOW)).summary).toBe("users: removed 0 never-used accounts (with 0 checks)");
    });
  });
});
