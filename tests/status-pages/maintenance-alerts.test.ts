// Alerts held during scheduled maintenance, end to end: real flips from the ping path and the
// going-down scan, sendalerts' claim and delivery, and a webhook channel on a loopback stand-in.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { claimAndDeliverNextFlip } from "../../lib/alerts/claim-and-deliver-next-flip";
import { deliverFlip } from "../../lib/alerts/deliver-flip";
import { claimReleasedFlips } from "../../lib/alerts/hold-for-maintenance";
import { runSendalerts } from "../../lib/alerts/run-sendalerts";
import { sendDueReminders } from "../../lib/alerts/send-due-reminders";
import { recordPing } from "../../lib/pings/record-ping";
import type { UrlAction } from "../../lib/pings/types";
import { isCheckInMaintenance } from "../../lib/status-pages/maintenance-windows";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, createFlip, useHttpSink, webhookConfig } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";
import { addComponents, createMaintenance, createStatusPage, resetStatusPages } from "./maintenance-fixtures";

const MIN = 60_000;

function ping(check: Check, action: UrlAction): Promise<unknown> {
  return recordPing({
    target: { code: check.code },
    action,
    exitStatus: null,
    rid: null,
    scheme: "http",
    remoteAddr: "203.0.113.1",
    method: "POST",
    ua: "test",
    body: null,
    receivedAt: Date.now(),
  });
}

forEachDatabase(
  () => {
    const sink = useHttpSink();
    let projectId: number;
    let pageId: number;
    let check: Check;
    let other: Check;

    beforeEach(async () => {
      await resetStatusPages();
      await resetDatabase();
      ({ project: { id: projectId } } = await createFixtures());
      check = await createCheck(projectId, { name: "db", status: "up" });
      other = await createCheck(projectId, { name: "web", status: "up" });
      for (const c of [check, other]) {
        await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/${c.name}/down`, `${sink.url}/${c.name}/up`), [c.id]);
      }
      pageId = (await createStatusPage(projectId)).id;
      await addComponents(pageId, [check.id, other.id]);
    });

    const now = () => new Date();
    const inWindow = () => createMaintenance(pageId, [check.id], new Date(Date.now() - 30 * MIN), new Date(Date.now() + 30 * MIN));
    /** Completes the maintenance now, ahead of its schedule. */
    const complete = (id: number) => getDb().statusIncident.update({ where: { id }, data: { resolvedAt: now() } });
    const urls = () => sink.requests.map((r) => r.url);

    test("a check goes down during maintenance: the flip is recorded and processed, no channel is notified", async () => {
      await inWindow();
      await ping(check, "fail");
      const [flip] = await getDb().flip.findMany({ where: { checkId: check.id } });
      expect(flip).toMatchObject({ oldStatus: "up", newStatus: "down", processedAt: null });

      const report = await claimAndDeliverNextFlip();
      expect(report).toMatchObject({ checkCode: check.code, newStatus: "down", held: "maintenance", deliveries: [] });
      expect((await getDb().flip.findUniqueOrThrow({ where: { id: flip!.id } })).processedAt).toBeInstanceOf(Date);
      expect(await getDb().notification.count()).toBe(0);
      expect(urls()).toEqual([]);
    });

    test("checks the maintenance does not cover still alert", async () => {
      await inWindow();
      await ping(other, "fail");
      const report = await claimAndDeliverNextFlip();
      expect(report?.held).toBeUndefined();
      expect(urls()).toEqual(["/web/down"]);
    });

    test("a going-down flip from the sendalerts scan is held too, and pings keep being recorded", async () => {
      await inWindow();
      await ping(check, "success");
      const before = await getDb().check.findUniqueOrThrow({ where: { id: check.id } });
      await createFlip(check.id, { oldStatus: "up", newStatus: "down", reason: "timeout" });
      expect((await claimAndDeliverNextFlip())?.held).toBe("maintenance");
      await ping(check, "fail");
      expect((await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).nPings).toBe(before.nPings + 1);
      expect(urls()).toEqual([]);
    });

    test("still-down reminders are not sent during a window", async () => {
      await inWindow();
      await getDb().check.update({ where: { id: check.id }, data: { status: "down", reminderInterval: 900, nextReminderAt: new Date(Date.now() - 1000) } });
      const report = await sendDueReminders();
      expect(report).toMatchObject({ reminder: true, held: "maintenance", deliveries: [] });
      expect(urls()).toEqual([]);
      // The reminder is used up: the next one is due an interval later.
      expect((await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).nextReminderAt!.getTime()).toBeGreaterThan(Date.now() + 800_000);
    });

    test("when the window ends with the check still down, the channels get the down alert once, however many sendalerts ask", async () => {
      const maintenance = await inWindow();
      await ping(check, "fail");
      await claimAndDeliverNextFlip();
      expect(await claimReleasedFlips()).toEqual([]);
      expect(await isCheckInMaintenance(getDb(), check.id, now())).toBe(true);

      await complete(maintenance.id);
      expect(await isCheckInMaintenance(getDb(), check.id, now())).toBe(false);
      const claimed = (await Promise.all([claimReleasedFlips(), claimReleasedFlips(), claimReleasedFlips()])).flat();
      expect(claimed).toHaveLength(1);
      const report = await deliverFlip(claimed[0]!);
      expect(report.held).toBeUndefined();
      expect(urls()).toEqual(["/db/down"]);
      expect(await claimReleasedFlips()).toEqual([]);
    });

    test("a check that went down and came back during the window is not announced at its end", async () => {
      const maintenance = await inWindow();
      await ping(check, "fail");
      await ping(check, "success");
      while (await claimAndDeliverNextFlip());
      await complete(maintenance.id);
      for (const flip of await claimReleasedFlips()) expect((await deliverFlip(flip)).held).toBe("maintenance");
      expect(urls()).toEqual([]);
    });

    test("a check that was down before the window and recovered during it is announced up at its end", async () => {
      await ping(check, "fail");
      await claimAndDeliverNextFlip();
      expect(urls()).toEqual(["/db/down"]);
      // Begins after the down flip.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const maintenance = await createMaintenance(pageId, [check.id], now(), new Date(Date.now() + 30 * MIN));
      await ping(check, "success");
      expect((await claimAndDeliverNextFlip())?.held).toBe("maintenance");
      await complete(maintenance.id);
      for (const flip of await claimReleasedFlips()) await deliverFlip(flip);
      expect(urls()).toEqual(["/db/down", "/db/up"]);
    });

    test("a flip dated in a window that ended before sendalerts claimed it is sent if the check is still down", async () => {
      await createMaintenance(pageId, [check.id], new Date(Date.now() - 120 * MIN), new Date(Date.now() - 60 * MIN));
      await getDb().check.update({ where: { id: check.id }, data: { status: "down" } });
      await createFlip(check.id, { createdAt: new Date(Date.now() - 90 * MIN), oldStatus: "up", newStatus: "down", reason: "timeout" });
      expect((await claimAndDeliverNextFlip())?.held).toBeUndefined();
      expect(urls()).toEqual(["/db/down"]);
      expect(await claimReleasedFlips()).toEqual([]);
    });

    test("a maintenance cancelled before it began holds nothing", async () => {
      await createMaintenance(pageId, [check.id], new Date(Date.now() - 30 * MIN), new Date(Date.now() + 30 * MIN), { resolvedAt: new Date(Date.now() - 40 * MIN) });
      await ping(check, "fail");
      expect((await claimAndDeliverNextFlip())?.held).toBeUndefined();
      expect(urls()).toEqual(["/db/down"]);
    });

    test("test notifications are never held", async () => {
      await inWindow();
      const flip = await createFlip(check.id, { oldStatus: "up", newStatus: "down", processedAt: now() });
      const report = await deliverFlip(flip, { isTest: true });
      expect(report.held).toBeUndefined();
      expect(urls()).toEqual(["/db/down"]);
    });

    describe("the sendalerts loop", () => {
      let controller: AbortController | undefined;
      let running: Promise<void> | undefined;
      afterEach(async () => {
        controller?.abort();
        await running;
        controller = running = undefined;
      });

      test("logs the held flip and sends the down alert once the window is over", async () => {
        const logs: string[] = [];
        const maintenance = await inWindow();
        controller = new AbortController();
        running = runSendalerts({ signal: controller.signal, log: (line) => logs.push(line) });
        await ping(check, "fail");
        await vi.waitFor(() => expect(logs).toContain(`${check.code} goes down (held: maintenance)`), { timeout: 10_000 });
        expect(urls()).toEqual([]);
        await complete(maintenance.id);
        await sink.waitForRequests(1, 15_000);
        expect(urls()).toEqual(["/db/down"]);
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
