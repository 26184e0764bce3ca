import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { getDb, type Check, type Project, type User } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { getUnsubscribeReportsToken } from "../../lib/reports/unsubscribe-link";
import { runSendreports } from "../../lib/reports/run-sendreports";
import { sendDueNag } from "../../lib/reports/send-due-nag";
import { sendDueReport } from "../../lib/reports/send-due-report";
import { createFlip, startSmtpSink, type SmtpSink } from "../helpers/alerts";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";
import { createPingedCheck, mailEnv, setUser, until } from "./helpers";

let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
});

const NOW = new Date("2026-03-02T10:00:00Z");
const HOUR = 3_600_000;

forEachDatabase(() => {
  let alice: User;
  let bob: User;
  let charlie: User;
  let project: Project;
  let charliesProject: Project;

  beforeAll(() => setEnv(mailEnv(smtp.port)));
  beforeEach(async () => {
    await resetDatabase();
    smtp.messages.length = 0;
    smtp.raw.length = 0;
    ({ alice, bob, charlie, project, charliesProject } = await createFixtures());
    // Only alice's report is due; bob and charlie have theirs next month.
    const later = new Date("2026-04-01T09:00:00Z");
    alice = await setUser(alice, { reports: "monthly", nextReportDate: new Date("2026-03-01T09:30:00Z") });
    bob = await setUser(bob, { reports: "monthly", nextReportDate: later });
    charlie = await setUser(charlie, { reports: "monthly", nextReportDate: later });
  });

  describe("reports", () => {
    let backup: Check;
    let db: Check;

    beforeEach(async () => {
      backup = await createPingedCheck(project.id, new Date("2026-03-02T09:00:00Z"), {
        name: "backup",
        createdAt: new Date("2025-12-01T00:00:00Z"),
      });
      // One downtime of 1 h 5 min in January, none in February.
      await createFlip(backup.id, { createdAt: new Date("2026-01-10T10:00:00Z"), oldStatus: "up", newStatus: "down", processedAt: NOW });
      await createFlip(backup.id, { createdAt: new Date("2026-01-10T11:05:00Z"), oldStatus: "down", newStatus: "up", processedAt: NOW });
      // Down since the last hour of February.
      db = await createCheck(project.id, {
        name: "db <prod>",
        tags: "prod db",
        status: "down",
        lastPing: new Date("2026-02-27T23:00:00Z"),
        createdAt: new Date("2025-11-01T00:00:00Z"),
      });
      await createFlip(db.id, { createdAt: new Date("2026-02-28T23:00:00Z"), oldStatus: "up", newStatus: "down", processedAt: NOW });
      // Created mid-February: no January figures.
      await createCheck(project.id, { name: "", status: "new", createdAt: new Date("2026-02-15T00:00:00Z") });
    });

    test("sends a due monthly report with both parts, the unsubscribe headers and the downtime of the two months before", async () => {
      const result = await sendDueReport(NOW);
      expect(result).toEqual({ email: "alice@example.org", sent: true });
      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0]!;
      const source = smtp.raw[0]!.toString();

      expect(message.subject).toBe("Monthly Report");
      expect(message.to).toMatchObject({ text: "alice@example.org" });
      const unsubscribe = `https://vigil.example.org/accounts/unsubscribe_reports/${getUnsubscribeReportsToken(alice.id)}/`;
      expect(source.replace(/\r\n\s+/g, " ")).toContain(`List-Unsubscribe: <${unsubscribe}>`);
      expect(source).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

      const text = message.text!;
      expect(text).toContain("This is a monthly report sent by Vigil Test.");
      expect(text).toContain("Status now: 1 down, 1 up, 1 new.");
      expect(text).toContain(`Project "Alice's Project"`);
      expect(text).toMatch(/UP +backup\n +Jan 2026: 1 downtime, 1 hour 5 minutes total\n +Feb 2026: All good!/);
      expect(text).toMatch(/DOWN +db <prod> \[prod db\]\n +Jan 2026: All good!\n +Feb 2026: 1 downtime, 1 hour total/);
      expect(text).toMatch(/NEW +\(unnamed\)\n +Feb 2026: All good!/);
      expect(text).not.toContain("Charlie");
      expect(text).toContain(unsubscribe);

      const html = message.html as string;
      expect(html).toContain("<table");
      expect(html).not.toMatch(/<link|<img|<script|<style/);
      expect(html).toContain(">Jan 2026<");
      expect(html).toContain("1 downtime,<br>1 hour 5 minutes total");
      expect(html).toContain("db &lt;prod&gt;");
      expect(html).toContain(">DOWN<");
      expect(html).toContain(`https://vigil.example.org/cloaked/${getUniqueKey(backup.code)}/`);
      expect(html).toContain(`https://vigil.example.org/projects/${project.code}/checks/`);
      expect(html).toContain(unsubscribe);
      // Check UUIDs are ping secrets: links go through /cloaked/.
      for (const code of [backup.code, db.code]) {
        expect(source).not.toContain(code);
      }

      const next = (await getDb().user.findUniqueOrThrow({ where: { id: alice.id } })).nextReportDate!;
      expect(next.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-04-01T09:00:00Z"));
      expect(next.getTime()).toBeLessThan(Date.parse("2026-04-01T11:00:00Z"));
      expect(await sendDueReport(NOW)).toBeNull();
    });

    test("uses weeks or days in the user's time zone for weekly and daily reports", async () => {
      await setUser(alice, { reports: "weekly", tz: "America/New_York" });
      await sendDueReport(NOW);
      const weekly = smtp.messages[0]!;
      expect(weekly.subject).toBe("Weekly Report");
      // Monday Mar 2, 05:00 in New York: the two weeks before began Feb 16 and Feb 23, and the
      // last one ended at 05:00 UTC, 30 hours after db went down.
      expect(weekly.text).toMatch(/Feb 16 – Feb 22: All good!\n +Feb 23 – Mar 1: 1 downtime, 1 day 6 hours total/);

      await setUser(alice, { reports: "daily", tz: "UTC", nextReportDate: new Date("2026-03-01T09:00:00Z") });
      await sendDueReport(NOW);
      const daily = smtp.messages[1]!;
      expect(daily.subject).toBe("Daily Report");
      expect(daily.text).toMatch(/Sat, Feb 28: 1 downtime, 1 hour total\n +Sun, Mar 1: 1 downtime, 1 day total/);
      expect((await getDb().user.findUniqueOrThrow({ where: { id: alice.id } })).nextReportDate!.toISOString().slice(0, 10)).toBe("2026-03-03");
    });

    test("sends members the checks of the projects they belong to", async () => {
      await setUser(bob, { nextReportDate: new Date("2026-03-01T10:00:00Z") });
      await sendDueReport(NOW);
      await sendDueReport(NOW);
      expect(smtp.messages.map((m) => (m.to as { text: string }).text).sort()).toEqual(["alice@example.org", "bob@example.org"]);
      for (const message of smtp.messages) expect(message.text).toContain("db <prod>");
    });
  });

  test("skips the report, and still moves the date on, when nothing was pinged for 180 days", async () => {
    await createPingedCheck(project.id, new Date(NOW.getTime() - 181 * 86_400_000), { name: "old" });
    expect(await sendDueReport(NOW)).toEqual({ email: "alice@example.org", sent: false });
    expect(smtp.messages).toHaveLength(0);
    const next = (await getDb().user.findUniqueOrThrow({ where: { id: alice.id } })).nextReportDate!;
    expect(next.toISOString().slice(0, 10)).toBe("2026-04-01");
  });

  test("schedules accounts without a report date instead of sending to them, and never sends when reports are off", async () => {
    await createPingedCheck(project.id, NOW);
    await setUser(alice, { nextReportDate: null });
    await setUser(bob, { reports: "off", nextReportDate: new Date("2026-03-01T09:00:00Z") });
    expect(await sendDueReport(NOW)).toBeNull();
    expect(smtp.messages).toHaveLength(0);
    const users = await getDb().user.findMany({ orderBy: { id: "asc" } });
    expect(users[0]!.nextReportDate!.toISOString().slice(0, 10)).toBe("2026-04-01");
    expect(users[1]!.nextReportDate!.toISOString()).toBe("2026-03-01T09:00:00.000Z");
  });

  describe("reminders", () => {
    beforeEach(async () => {
      await createPingedCheck(project.id, new Date(NOW.getTime() - HOUR), { name: "web" });
      alice = await setUser(alice, { nagPeriod: 3600, nextNagDate: new Date(NOW.getTime() - 60_000) });
    });

    test("sends a reminder listing only the checks that are down, and moves the next one a period on", async () => {
      await createCheck(project.id, { name: "queue", status: "down", lastPing: new Date(NOW.getTime() - 3 * HOUR) });
      await createCheck(charliesProject.id, { name: "charlie's down check", status: "down" });
      expect(await sendDueNag(NOW)).toEqual({ email: "alice@example.org", sent: true });
      const message = smtp.messages[0]!;
      expect(message.subject).toBe("Reminder: 1 check still down");
      expect(message.text).toContain("This is an hourly reminder sent by Vigil Test.");
      expect(message.text).toContain("One check is currently DOWN:");
      expect(message.text).toMatch(/DOWN +queue\n +Last ping: 3 hours ago/);
      expect(message.text).not.toContain("web");
      expect(message.text).not.toContain("charlie");
      expect(message.html).toContain("Last Ping");
      expect(smtp.raw[0]!.toString()).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      const user = await getDb().user.findUniqueOrThrow({ where: { id: alice.id } });
      expect(user.nextNagDate!.getTime()).toBe(NOW.getTime() + HOUR);
      expect(await sendDueNag(NOW)).toBeNull();
    });

    test("counts checks that are overdue but not flipped yet as down", async () => {
      await createCheck(project.id, { name: "late one", status: "up", timeout: 60, grace: 60, lastPing: new Date(NOW.getTime() - HOUR) });
      await createCheck(project.id, { name: "failed", status: "down" });
      await sendDueNag(NOW);
      expect(smtp.messages[0]!.subject).toBe("Reminder: 2 checks still down");
      expect(smtp.messages[0]!.text).toContain("2 checks are currently DOWN:");
    });

    test("stops the reminders when nothing is down any more", async () => {
      expect(await sendDueNag(NOW)).toEqual({ email: "alice@example.org", sent: false });
      expect(smtp.messages).toHaveLength(0);
      expect((await getDb().user.findUniqueOrThrow({ where: { id: alice.id } })).nextNagDate).toBeNull();
    });

    test("sends nothing while reminders are off", async () => {
      await createCheck(project.id, { name: "queue", status: "down" });
      await setUser(alice, { nagPeriod: 0 });
      expect(await sendDueNag(NOW)).toBeNull();
      expect(smtp.messages).toHaveLength(0);
    });
  });

  test("three sendreports loops at once send every due report and reminder exactly once", async () => {
    const users = 12;
    const now = Date.now();
    const dbc = getDb();
    for (let i = 0; i < users; i++) {
      const user = await dbc.user.create({
        data: { email: `user${i}@example.org`, reports: "weekly", nextReportDate: new Date(now - 60_000), nagPeriod: 86_400, nextNagDate: new Date(now - 60_000) },
      });
      const own = await dbc.project.create({ data: { code: crypto.randomUUID(), name: `P${i}`, ownerId: user.id, badgeKey: crypto.randomUUID() } });
      await createPingedCheck(own.id, new Date(now - HOUR), { name: `job ${i}`, status: "down" });
    }
    const lines: string[] = [];
    const controller = new AbortController();
    const loops = [0, 1, 2].map(() =>
      runSendreports({ signal: controller.signal, pauseMs: 0, intervalMs: 60_000, log: (line) => lines.push(line) }),
    );
    const due = () =>
      dbc.user.count({ where: { OR: [{ nextReportDate: { lte: new Date(now) } }, { nextNagDate: { lte: new Date(now) } }], email: { startsWith: "user" } } });
    await until(async () => (await due()) === 0, "every report and reminder to be claimed");
    controller.abort();
    await Promise.all(loops);

    const received = smtp.messages.map((m) => `${(m.to as { text: string }).text} ${m.subject}`).sort();
    const expected = Array.from({ length: users }, (_, i) => [`user${i}@example.org Reminder: 1 check still down`, `user${i}@example.org Weekly Report`]).flat().sort();
    expect(received).toEqual(expected);
    expect(lines.filter((l) => l.startsWith("Sent ")).length).toBe(users * 2);
    expect(lines.filter((l) => l === "sendreports stopped").length).toBe(3);
  });
});
