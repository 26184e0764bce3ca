import { beforeEach, describe, expect, test } from "vitest";
import { SYSTEM, userActor } from "../../lib/auth/actor";
import { listDashboardChannels, listDashboardChecks } from "../../lib/checks/list-dashboard-checks";
import { getDb } from "../../lib/db";
import { previewSchedule } from "../../lib/checks/preview-schedule";
import { recordProbeResult } from "../../lib/pings/record-probe-result";
import { createCheck, createFixtures } from "../fixtures";
import { makeResult } from "../probes/fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

const NOW = new Date("2026-03-15T12:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe("previewSchedule", () => {
  test("describes a valid schedule and lists its next runs in the time zone", () => {
    const preview = previewSchedule("0 9 * * 1-5", "Europe/Riga", { now: NOW });
    expect(preview).toEqual({
      kind: "cron",
      description: "At 09:00 on weekdays",
      nextRuns: [
        { at: Date.parse("2026-03-16T07:00:00Z"), text: "Mon 2026-03-16 09:00 GMT+2" },
        { at: Date.parse("2026-03-17T07:00:00Z"), text: "Tue 2026-03-17 09:00 GMT+2" },
        { at: Date.parse("2026-03-18T07:00:00Z"), text: "Wed 2026-03-18 09:00 GMT+2" },
        { at: Date.parse("2026-03-19T07:00:00Z"), text: "Thu 2026-03-19 09:00 GMT+2" },
        { at: Date.parse("2026-03-20T07:00:00Z"), text: "Fri 2026-03-20 09:00 GMT+2" },
      ],
    });
  });

  test("handles OnCalendar and legacy zone names", () => {
    const preview = previewSchedule("daily", "US/Eastern", { now: NOW, count: 2 });
    expect(preview).toMatchObject({ kind: "oncalendar", description: "At 00:00 every day" });
    expect(preview.nextRuns.map((r) => r.text)).toEqual(["Mon 2026-03-16 00:00 EDT", "Tue 2026-03-17 00:00 EDT"]);
  });

  test.each([
    ["61 * * * *", "UTC", "schedule", "schedule is not a valid cron or OnCalendar expression"],
    ["0 9 * * *", "Mars/Olympus", "tz", "tz is not a valid timezone"],
    ["x".repeat(101), "UTC", "schedule", "schedule is too long"],
  ])("reports %j in %s with the API's message and the field at fault", (schedule, tz, field, error) => {
    expect(() => previewSchedule(schedule, tz, { now: NOW })).toThrow(
      expect.objectContaining({ code: "bad_request", field, userMessage: error, message: `json validation error: ${error}` }),
    );
  });
});

forEachDatabase(() => {
  let projectId: number;
  let projectCode: string;
  let fixtures: Awaited<ReturnType<typeof createFixtures>>;
  beforeEach(async () => {
    await resetDatabase();
    fixtures = await createFixtures();
    ({ id: projectId, code: projectCode } = fixtures.project);
  });

  test("an active check's row has its last run's response time; passive and never-run checks have none", async () => {
    const probe = JSON.stringify({ type: "tcp", address: "127.0.0.1:1" });
    await createCheck(projectId, { name: "passive", status: "up", lastPing: ago(1) });
    await createCheck(projectId, { name: "never run", probe });
    const ran = await createCheck(projectId, { name: "ran", probe });
    await recordProbeResult({ checkCode: ran.code, result: makeResult("healthy", { rtt_ms: 50, date: ago(2) }) });
    await recordProbeResult({ checkCode: ran.code, result: makeResult("degraded", { rtt_ms: 123.4, date: ago(1) }) });
    const checks = await listDashboardChecks({ actor: SYSTEM, projectCode, now: NOW });
    expect(checks.map((c) => [c.name, c.lastRttMs])).toEqual([
      ["passive", null],
      ["never run", null],
      ["ran", 123.4],
    ]);
  });

  test("lists the project's checks with live statuses, tags and exact last-ping times", async () => {
    await createCheck(projectId, { name: "new one" });
    await createCheck(projectId, { name: "up", tags: "prod  db", status: "up", lastPing: ago(10), timeout: 3600, grace: 600 });
    await createCheck(projectId, { name: "late", status: "up", lastPing: ago(65), timeout: 3600, grace: 600 });
    await createCheck(projectId, { name: "overdue", status: "up", lastPing: ago(75), timeout: 3600, grace: 600 });
    await createCheck(projectId, { name: "running", status: "up", lastPing: ago(10), lastStart: ago(1), timeout: 3600, grace: 600 });
    await createCheck(projectId, { name: "paused", status: "paused" });
    await createCheck(projectId, { name: "cron", status: "up", kind: "cron", schedule: "30 * * * *", lastPing: ago(1), grace: 60 });

    const checks = await listDashboardChecks({ actor: SYSTEM, projectCode, now: NOW, tz: "Europe/Riga" });
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ["new one", "new"],
      ["up", "up"],
      ["late", "grace"],
      ["overdue", "down"],
      ["running", "started"],
      ["paused", "paused"],
      ["cron", "up"],
    ]);
    expect(checks[1]).toMatchObject({ tags: ["prod", "db"], lastPing: ago(10).getTime(), lastPingText: "2026-03-15 13:50:00 GMT+2" });
    expect(checks[0]).toMatchObject({ tags: [], lastPing: null, lastPingText: null });
  });

  test("shows the stored status when a schedule cannot be evaluated", async () => {
    await createCheck(projectId, { name: "broken", status: "up", kind: "cron", schedule: "not cron", lastPing: ago(1) });
    const [check] = await listDashboardChecks({ actor: SYSTEM, projectCode, now: NOW });
    expect(check!.status).toBe("up");
  });

  test("gives each row the channels that notify for it, in the project's channel order", async () => {
    const db = getDb();
    const makeChannel = (name: string, createdAt: Date, config = '{"value":"ops@example.org"}') =>
      db.channel.create({ data: { code: crypto.randomUUID(), projectId, kind: "email", name, config, createdAt } });
    // Created out of order: the older channel must still come first.
    const newer = await makeChannel("Newer", ago(5));
    const older = await makeChannel("", ago(50), '{"value":"oncall@example.org"}');
    const unused = await makeChannel("Unused", ago(1));
    const both = await createCheck(projectId, { name: "both" });
    const one = await createCheck(projectId, { name: "one" });
    await createCheck(projectId, { name: "none" });
    await db.channelCheck.createMany({
      data: [
        { channelId: newer.id, checkId: both.id },
        { channelId: older.id, checkId: both.id },
        { channelId: newer.id, checkId: one.id },
      ],
    });
    // Another project's links never leak into this one's rows.
    const foreign = await createCheck(fixtures.charliesProject.id, { name: "foreign" });
    await db.channelCheck.create({ data: { channelId: newer.id, checkId: foreign.id } });

    const checks = await listDashboardChecks({ actor: SYSTEM, projectCode, now: NOW });
    expect(checks.map((c) => [c.name, c.channels])).toEqual([
      ["both", [older.code, newer.code]],
      ["one", [newer.code]],
      ["none", []],
    ]);
    expect(await listDashboardChannels({ actor: SYSTEM, projectCode })).toEqual([
      { code: older.code, kind: "email", label: "oncall@example.org", disabled: false },
      { code: newer.code, kind: "email", label: "Newer", disabled: false },
      { code: unused.code, kind: "email", label: "Unused", disabled: false },
    ]);
  });

  test("refuses the channel list to a user outside the project", async () => {
    await expect(listDashboardChannels({ actor: userActor(fixtures.charlie.id), projectCode })).rejects.toMatchObject({ code: "not_found" });
  });
});
