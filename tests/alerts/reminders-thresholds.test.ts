// Beyond Healthchecks: "go down after N consecutive failures" (ping path) and repeat "still
// down" reminders (sendalerts), end to end through the raw-SQL ping store and a webhook to a
// loopback stand-in.
import { beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { claimDueReminder } from "../../lib/alerts/claim-due-reminder";
import { findGoingDown } from "../../lib/alerts/find-going-down";
import { sendDueReminders } from "../../lib/alerts/send-due-reminders";
import { getCheckEvents } from "../../lib/checks/get-check-events";
import { pauseCheck } from "../../lib/checks/pause-check";
import { SYSTEM } from "../../lib/auth/actor";
import { recordPing } from "../../lib/pings/record-ping";
import type { PingInput, UrlAction } from "../../lib/pings/types";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, useHttpSink, webhookConfig } from "../helpers/alerts";
import { createCheck, createFixtures } from "../fixtures";

function ping(check: Check, action: UrlAction): Promise<unknown> {
  const input: PingInput = {
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
  };
  return recordPing(input);
}

forEachDatabase(
  () => {
    const sink = useHttpSink();
    let projectId: number;

    beforeEach(async () => {
      await resetDatabase();
      ({ project: { id: projectId } } = await createFixtures());
    });

    const reload = (id: number) => getDb().check.findUniqueOrThrow({ where: { id } });
    const flipsOf = (id: number) => getDb().flip.findMany({ where: { checkId: id }, orderBy: { id: "asc" } });

    test("threshold 3: two fails keep the check up, the third flips it down", async () => {
      const check = await createCheck(projectId, { failureThreshold: 3 });
      await ping(check, "success");
      await ping(check, "fail");
      await ping(check, "fail");
      expect(await reload(check.id)).toMatchObject({ status: "up", consecutiveFailures: 2 });
      expect((await flipsOf(check.id)).map((f) => f.newStatus)).toEqual(["up"]);
      await ping(check, "fail");
      expect(await reload(check.id)).toMatchObject({ status: "down", consecutiveFailures: 3 });
      expect((await flipsOf(check.id)).map((f) => `${f.newStatus}:${f.reason}`)).toEqual(["up:", "down:fail"]);
      // All three are recorded as fail pings; the first two are documented in the event log.
      const { events } = await getCheckEvents({ actor: SYSTEM, checkCode: check.code });
      const pings = events.filter((e) => e.type === "ping");
      expect(pings.map((p) => [p.kind, p.failureOf])).toEqual([
        ["fail", null],
        ["fail", { count: 2, threshold: 3 }],
        ["fail", { count: 1, threshold: 3 }],
        ["success", null],
      ]);
    });

    test("a success resets the count", async () => {
      const check = await createCheck(projectId, { failureThreshold: 3 });
      await ping(check, "fail");
      await ping(check, "fail");
      await ping(check, "success");
      expect(await reload(check.id)).toMatchObject({ status: "up", consecutiveFailures: 0 });
      await ping(check, "fail");
      await ping(check, "fail");
      expect((await reload(check.id)).status).toBe("up");
      await ping(check, "fail");
      expect((await reload(check.id)).status).toBe("down");
    });

    test("threshold 1 (the default) keeps Healthchecks' behaviour", async () => {
      const check = await createCheck(projectId);
      await ping(check, "fail");
      expect(await reload(check.id)).toMatchObject({ status: "down", consecutiveFailures: 1, nextReminderAt: null });
    });

    test("reminders go out every interval while down and stop on recovery", async () => {
      const check = await createCheck(projectId, { reminderInterval: 900 });
      const channel = await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/down`, `${sink.url}/up`), [check.id]);
      await ping(check, "fail");
      const down = await reload(check.id);
      expect(down.status).toBe("down");
      const first = down.nextReminderAt!;
      expect(first.getTime()).toBe(down.lastPing!.getTime() + 900_000);

      expect(await sendDueReminders(new Date(first.getTime() - 1))).toBeNull();
      const report = await sendDueReminders(first);
      expect(report).toMatchObject({ checkCode: check.code, newStatus: "down", reminder: true, deliveries: [{ error: "" }] });
      expect((await reload(check.id)).nextReminderAt!.getTime()).toBe(first.getTime() + 900_000);
      expect(await sendDueReminders(new Date(first.getTime() + 899_999))).toBeNull();
      expect(await sendDueReminders(new Date(first.getTime() + 900_000))).not.toBeNull();
      expect(sink.requests.map((r) => r.url)).toEqual(["/down", "/down"]);

      // Reminders are notifications, not status changes.
      expect((await flipsOf(check.id)).map((f) => f.newStatus)).toEqual(["down"]);
      const notifications = await getDb().notification.findMany({ where: { channelId: channel.id } });
      expect(notifications.map((n) => [n.checkStatus, n.reminder, n.error])).toEqual([
        ["down", true, ""],
        ["down", true, ""],
      ]);
      const { events } = await getCheckEvents({ actor: SYSTEM, checkCode: check.code });
      expect(events.filter((e) => e.type === "notification" && e.reminder)).toHaveLength(2);

      await ping(check, "success");
      expect(await reload(check.id)).toMatchObject({ status: "up", nextReminderAt: null });
      expect(await sendDueReminders(new Date(first.getTime() + 10 * 900_000))).toBeNull();
    });

    test("a timeout flip schedules reminders too; pausing stops them", async () => {
      const check = await createCheck(projectId, { timeout: 60, grace: 60, reminderInterval: 3600 });
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/down`), [check.id]);
      await ping(check, "success");
      const deadline = (await reload(check.id)).alertAfter!;
      const now = new Date(deadline.getTime() + 5);
      expect(await findGoingDown(now)).toBe(true);
      expect((await reload(check.id)).nextReminderAt!.getTime()).toBe(now.getTime() + 3_600_000);
      await pauseCheck({ actor: SYSTEM, checkCode: check.code });
      expect((await reload(check.id)).nextReminderAt).toBeNull();
      expect(await sendDueReminders(new Date(now.getTime() + 7_200_000))).toBeNull();
    });

    test("two concurrent claims send a due reminder once", async () => {
      const check = await createCheck(projectId, { reminderInterval: 900 });
      await createChannel(projectId, "webhook", webhookConfig(`${sink.url}/down`), [check.id]);
      await ping(check, "fail");
      const due = (await reload(check.id)).nextReminderAt!;
      const reports = await Promise.all([sendDueReminders(due), sendDueReminders(due), claimDueReminder(due)]);
      expect(reports.filter(Boolean)).toHaveLength(1);
      expect(await getDb().notification.count({ where: { checkId: check.id } })).toBeLessThanOrEqual(1);
    });

    test("turning reminders off clears the pending one", async () => {
      const check = await createCheck(projectId, { reminderInterval: 900 });
      await ping(check, "fail");
      expect((await reload(check.id)).nextReminderAt).not.toBeNull();
      const { updateCheck } = await import("../../lib/checks/update-check");
      await updateCheck({ actor: SYSTEM, checkCode: check.code, input: { reminder_interval: 0 } });
      expect((await reload(check.id)).nextReminderAt).toBeNull();
      await updateCheck({ actor: SYSTEM, checkCode: check.code, input: { reminder_interval: 1800 } });
      expect((await reload(check.id)).nextReminderAt).not.toBeNull();
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
