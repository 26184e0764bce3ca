import { beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { findGoingDown } from "../../lib/alerts/find-going-down";
import { updateGoingDown } from "../../lib/alerts/update-going-down";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

forEachDatabase(() => {
  let projectId: number;
  const now = new Date("2026-03-01T12:00:00.000Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);

  beforeEach(async () => {
    await resetDatabase();
    ({ project: { id: projectId } } = await createFixtures());
  });

  const reload = (id: number) => getDb().check.findUniqueOrThrow({ where: { id } });
  const flipsOf = (checkId: number) => getDb().flip.findMany({ where: { checkId }, orderBy: { id: "asc" } });

  /** An up check whose last success was `since` ago, with alert_after as a ping would set it. */
  const createUpCheck = (since: number) => {
    const lastPing = ago(since);
    return createCheck(projectId, { status: "up", lastPing, timeout: DAY / 1000, grace: HOUR / 1000, alertAfter: new Date(lastPing.getTime() + DAY + HOUR) });
  };

  test("returns false when no check is overdue", async () => {
    await createUpCheck(HOUR);
    expect(await findGoingDown(now)).toBe(false);
  });

  test("creates a timeout flip dated at the deadline when the check goes down", async () => {
    const check = await createUpCheck(DAY + HOUR + 5 * MIN);
    expect(await findGoingDown(now)).toBe(true);
    const after = await reload(check.id);
    expect(after).toMatchObject({ status: "down", alertAfter: null });
    const flips = await flipsOf(check.id);
    expect(flips).toMatchObject([{ oldStatus: "up", newStatus: "down", reason: "timeout", processedAt: null }]);
    expect(flips[0].createdAt.toISOString()).toBe(ago(5 * MIN).toISOString());
    expect(await findGoingDown(now)).toBe(false);
  });

  test("handles the most overdue check first, one per call", async () => {
    const later = await createUpCheck(DAY + HOUR + MIN);
    const earlier = await createUpCheck(DAY + HOUR + 10 * MIN);
    expect(await findGoingDown(now)).toBe(true);
    expect((await reload(earlier.id)).status).toBe("down");
    expect((await reload(later.id)).status).toBe("up");
    expect(await findGoingDown(now)).toBe(true);
    expect((await reload(later.id)).status).toBe("down");
  });

  test("moves alert_after forward when the check is not down yet", async () => {
    // alert_after is stale (e.g. the timeout was raised through the API): recompute it.
    const lastPing = ago(DAY + HOUR + MIN);
    const check = await createCheck(projectId, { status: "up", lastPing, timeout: 2 * DAY / 1000, grace: HOUR / 1000, alertAfter: ago(MIN) });
    expect(await findGoingDown(now)).toBe(true);
    const after = await reload(check.id);
    expect(after.status).toBe("up");
    expect(after.alertAfter!.toISOString()).toBe(new Date(lastPing.getTime() + 2 * DAY + HOUR).toISOString());
    expect(await flipsOf(check.id)).toEqual([]);
  });

  test("a start on a new check goes new→down after start + grace", async () => {
    const lastStart = ago(HOUR + 2 * MIN);
    const check = await createCheck(projectId, { status: "new", lastStart, grace: HOUR / 1000, alertAfter: new Date(lastStart.getTime() + HOUR) });
    expect(await findGoingDown(now)).toBe(true);
    expect((await reload(check.id)).status).toBe("down");
    const [flip] = await flipsOf(check.id);
    expect(flip).toMatchObject({ oldStatus: "new", newStatus: "down", reason: "timeout" });
    expect(flip.createdAt.toISOString()).toBe(ago(2 * MIN).toISOString());
  });

  test("a start on a paused check goes paused→down after start + grace", async () => {
    const lastStart = ago(HOUR + MIN);
    const check = await createCheck(projectId, { status: "paused", lastStart, grace: HOUR / 1000, alertAfter: new Date(lastStart.getTime() + HOUR) });
    await findGoingDown(now);
    expect(await flipsOf(check.id)).toMatchObject([{ oldStatus: "paused", newStatus: "down" }]);
  });

  test("a check whose status cannot be computed is retried in an hour and the error surfaces", async () => {
    const check = await createCheck(projectId, { status: "up", kind: "cron", schedule: "not a schedule", lastPing: ago(DAY), alertAfter: ago(MIN) });
    await expect(findGoingDown(now)).rejects.toThrow();
    expect((await reload(check.id)).alertAfter!.toISOString()).toBe(new Date(now.getTime() + HOUR).toISOString());
    expect(await findGoingDown(now)).toBe(false);
  });

  test("a ping committed after the scan read the check wins over the stale decision", async () => {
    const check = await createUpCheck(DAY + HOUR + MIN);
    const staleRow = await reload(check.id);
    // The job's success arrives between the scan's read and its update.
    const lastPing = ago(0);
    await getDb().check.update({ where: { id: check.id }, data: { lastPing, alertAfter: new Date(lastPing.getTime() + DAY + HOUR) } });
    expect(await updateGoingDown(staleRow, now)).toBe(false);
    expect((await reload(check.id)).status).toBe("up");
    expect(await flipsOf(check.id)).toEqual([]);
  });

  test("two scanners deciding on the same check create one flip", async () => {
    const check = await createUpCheck(DAY + 2 * HOUR);
    const row = await reload(check.id);
    const results = await Promise.all([updateGoingDown(row, now), updateGoingDown(row, now), updateGoingDown(row, now)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await flipsOf(check.id)).toHaveLength(1);
  });

  test("concurrent findGoingDown calls flip each overdue check exactly once", async () => {
    const checks = await Promise.all(Array.from({ length: 20 }, (_, i) => createUpCheck(DAY + HOUR + (i + 1) * MIN)));
    const worker = async () => {
      while (await findGoingDown(now)) {
        // keep scanning
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    for (const check of checks) expect(await flipsOf(check.id)).toHaveLength(1);
  });
});
