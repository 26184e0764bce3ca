import { beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { claimNextFlip } from "../../lib/alerts/claim-next-flip";
import { claimAndDeliverNextFlip } from "../../lib/alerts/claim-and-deliver-next-flip";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createFlip } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";

forEachDatabase(() => {
  let check: Check;

  beforeEach(async () => {
    await resetDatabase();
    const { project } = await createFixtures();
    check = await createCheck(project.id, { status: "down" });
  });

  test("returns null when every flip is processed", async () => {
    await createFlip(check.id, { processedAt: new Date() });
    expect(await claimNextFlip()).toBeNull();
  });

  test("claims the oldest unprocessed flip and marks it processed", async () => {
    const first = await createFlip(check.id);
    const second = await createFlip(check.id);
    const claimed = await claimNextFlip();
    expect(claimed?.id).toBe(first.id);
    expect(claimed?.processedAt).toBeInstanceOf(Date);
    const row = await getDb().flip.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.processedAt?.getTime()).toBe(claimed?.processedAt?.getTime());
    expect((await claimNextFlip())?.id).toBe(second.id);
    expect(await claimNextFlip()).toBeNull();
  });

  test("two claims of one flip: exactly one wins", async () => {
    const flip = await createFlip(check.id);
    const results = await Promise.all([claimNextFlip(), claimNextFlip()]);
    expect(results.filter((r) => r !== null).map((r) => r!.id)).toEqual([flip.id]);
  });

  test("concurrent claimers share a queue without claiming any flip twice", async () => {
    const flips = await Promise.all(Array.from({ length: 30 }, () => createFlip(check.id)));
    const claimed: number[] = [];
    const worker = async () => {
      for (let f = await claimNextFlip(); f; f = await claimNextFlip()) claimed.push(f.id);
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(claimed.sort((a, b) => a - b)).toEqual(flips.map((f) => f.id).sort((a, b) => a - b));
  });

  test("claimAndDeliverNextFlip drains the queue and then returns null", async () => {
    await createFlip(check.id);
    expect(await claimAndDeliverNextFlip()).toMatchObject({ checkCode: check.code, newStatus: "down", deliveries: [] });
    expect(await claimAndDeliverNextFlip()).toBeNull();
  });
});
