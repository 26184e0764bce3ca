import { beforeEach, expect, test } from "vitest";
import { deliverFlip } from "../../lib/alerts/deliver-flip";
import { pauseCheck } from "../../lib/checks/pause-check";
import { updateCheck } from "../../lib/checks/update-check";
import { SYSTEM, userActor } from "../../lib/auth/actor";
import { getDb, type Project, type User } from "../../lib/db";
import { updateAccountSettings } from "../../lib/users/update-account-settings";
import { createFlip } from "../helpers/alerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";
import { setUser } from "./helpers";

const HOUR = 3_600_000;

async function nextNagDate(user: User): Promise<Date | null> {
  return (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).nextNagDate;
}

function expectAbout(date: Date | null, from: number, to: number): void {
  expect(date).not.toBeNull();
  expect(date!.getTime()).toBeGreaterThanOrEqual(from);
  expect(date!.getTime()).toBeLessThanOrEqual(to);
}

forEachDatabase(() => {
  let alice: User;
  let bob: User;
  let charlie: User;
  let project: Project;

  beforeEach(async () => {
    await resetDatabase();
    ({ alice, bob, charlie, project } = await createFixtures());
    alice = await setUser(alice, { nagPeriod: 3600 });
    charlie = await setUser(charlie, { nagPeriod: 3600 });
  });

  test("a processed down flip schedules the first reminder one period ahead for the team members who want reminders", async () => {
    bob = await setUser(bob, { nagPeriod: 86_400 });
    const check = await createCheck(project.id, { status: "down" });
    const before = Date.now();
    await deliverFlip(await createFlip(check.id, { oldStatus: "up", newStatus: "down", processedAt: new Date() }));
    const after = Date.now();
    expectAbout(await nextNagDate(alice), before + HOUR, after + HOUR);
    expectAbout(await nextNagDate(bob), before + 24 * HOUR, after + 24 * HOUR);
    // charlie wants reminders but cannot see alice's project.
    expect(await nextNagDate(charlie)).toBeNull();
  });

  test("another check going down does not push a scheduled reminder back", async () => {
    const scheduled = new Date(Date.now() + 10 * 60_000);
    await setUser(alice, { nextNagDate: scheduled });
    await createCheck(project.id, { status: "down" });
    const second = await createCheck(project.id, { status: "down" });
    await deliverFlip(await createFlip(second.id, { processedAt: new Date() }));
    expect((await nextNagDate(alice))?.getTime()).toBe(scheduled.getTime());
  });

  test("a processed up flip clears the reminder once nothing the account can see is down", async () => {
    const a = await createCheck(project.id, { status: "down" });
    const b = await createCheck(project.id, { status: "up" });
    await setUser(alice, { nextNagDate: new Date(Date.now() + HOUR) });
    await deliverFlip(await createFlip(b.id, { oldStatus: "down", newStatus: "up", processedAt: new Date() }));
    expect(await nextNagDate(alice)).not.toBeNull();
    await getDb().check.update({ where: { id: a.id }, data: { status: "up" } });
    await deliverFlip(await createFlip(a.id, { oldStatus: "down", newStatus: "up", processedAt: new Date() }));
    expect(await nextNagDate(alice)).toBeNull();
  });

  test("a check down in another of the account's projects keeps the reminder", async () => {
    const other = await getDb().project.create({
      data: { code: crypto.randomUUID(), name: "Side", ownerId: bob.id, badgeKey: crypto.randomUUID() },
    });
    await getDb().member.create({ data: { userId: alice.id, projectId: other.id, role: "r" } });
    await createCheck(other.id, { status: "down" });
    const up = await createCheck(project.id, { status: "up" });
    await setUser(alice, { nextNagDate: new Date(Date.now() + HOUR) });
    await deliverFlip(await createFlip(up.id, { oldStatus: "down", newStatus: "up", processedAt: new Date() }));
    expect(await nextNagDate(alice)).not.toBeNull();
  });

  test("pausing the last down check clears the reminder", async () => {
    const check = await createCheck(project.id, { status: "down" });
    await setUser(alice, { nextNagDate: new Date(Date.now() + HOUR) });
    await pauseCheck({ actor: SYSTEM, checkCode: check.code });
    expect(await nextNagDate(alice)).toBeNull();
  });

  test("a schedule edit in the web app that leaves the check overdue schedules the reminder", async () => {
    const check = await createCheck(project.id, { status: "up", timeout: 7 * 86_400, grace: 60, lastPing: new Date(Date.now() - 2 * 86_400_000) });
    await updateCheck({ actor: userActor(alice.id), checkCode: check.code, input: { timeout: 3600 }, via: "ui" });
    expect((await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).status).toBe("down");
    expect(await nextNagDate(alice)).not.toBeNull();
  });

  test("changing the reminder period in the settings restarts the reminders, and turning them off clears them", async () => {
    await createCheck(project.id, { status: "down" });
    await setUser(alice, { nextNagDate: new Date(Date.now() + 30 * 60_000) });
    const settings = { tz: "UTC", theme: "system", reports: "monthly" };
    const before = Date.now();
    await updateAccountSettings({ actor: userActor(alice.id), settings: { ...settings, nagPeriod: "86400" } });
    expectAbout(await nextNagDate(alice), before + 24 * HOUR, Date.now() + 24 * HOUR);
    await updateAccountSettings({ actor: userActor(alice.id), settings: { ...settings, nagPeriod: "0" } });
    expect(await nextNagDate(alice)).toBeNull();
  });

  test("changing the report frequency or time zone in the settings schedules the next report", async () => {
    await setUser(alice, { reports: "off", nextReportDate: null });
    await updateAccountSettings({ actor: userActor(alice.id), settings: { tz: "Asia/Tokyo", theme: "system", reports: "weekly", nagPeriod: "0" } });
    const user = await getDb().user.findUniqueOrThrow({ where: { id: alice.id } });
    const local = new Date(user.nextReportDate!.getTime() + 9 * HOUR);
    expect(local.getUTCDay()).toBe(1);
    expect(local.getUTCHours()).toBeGreaterThanOrEqual(9);
    expect(local.getUTCHours()).toBeLessThan(11);
    expect(user.nextReportDate!.getTime()).toBeGreaterThan(Date.now());

    await updateAccountSettings({ actor: userActor(alice.id), settings: { tz: "Asia/Tokyo", theme: "system", reports: "off", nagPeriod: "0" } });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: alice.id } })).nextReportDate).toBeNull();
  });
});
