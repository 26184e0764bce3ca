// What maintenance leaves on a check's own record: pings and flips inside a window are still
// recorded and are marked on the check's page, and the window is not downtime (details page,
// the API's downtime endpoint, reports).
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { SYSTEM, userActor } from "../../lib/auth/actor";
import { getDowntimeSummary, summarizeDowntime } from "../../lib/checks/downtime";
import { getCheckEvents, type FlipEvent, type PingEvent } from "../../lib/checks/get-check-events";
import { getDb, type Check } from "../../lib/db";
import { recordPing } from "../../lib/pings/record-ping";
import type { UrlAction } from "../../lib/pings/types";
import { startFrontServer, type FrontServer } from "../../lib/server/create-front-server";
import { findCheckMaintenance } from "../../lib/status-pages/check-maintenance";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createFixture, insertCheck, type Fixture } from "../api/fixtures";
import { addComponents, createMaintenance, createStatusPage, resetStatusPages } from "./maintenance-fixtures";

const H = 3_600_000;
const d = (iso: string) => new Date(iso);

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

test.each([
  ["a down stretch inside the window is not downtime nor an outage", [["10:00", "11:00"]], [["09:00", "12:00"]], 0, 0],
  ["the part of a down stretch outside the window still counts", [["10:00", "12:00"]], [["11:00", "13:00"]], 3600, 1],
  ["windows elsewhere change nothing", [["10:00", "11:00"]], [["14:00", "15:00"]], 3600, 1],
  ["two windows inside one stretch both come off it", [["10:00", "14:00"]], [["10:30", "11:00"], ["12:00", "13:00"]], 9000, 1],
])("summarizeDowntime: %s", (_name, downs, windows, seconds, outages) => {
  const t = (hhmm: string) => d(`2026-05-01T${hhmm}:00Z`);
  const flips = downs.flatMap(([a, b]) => [
    { createdAt: t(a!), oldStatus: "up" },
    { createdAt: t(b!), oldStatus: "down" },
  ]);
  const [today] = summarizeDowntime({
    boundaries: [t("00:00")],
    flips,
    status: "up",
    checkCreatedAt: d("2026-01-01T00:00:00Z"),
    now: t("23:00"),
    excluded: windows.map(([a, b]) => ({ start: t(a!), end: t(b!) })),
  });
  expect(today).toMatchObject({ downSeconds: seconds, outages });
});

forEachDatabase(() => {
  let server: FrontServer;
  let fx: Fixture;
  let check: Check;
  let pageId: number;

  beforeAll(async () => {
    server = await startFrontServer({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await resetStatusPages();
    await resetDatabase();
    fx = await createFixture();
    check = await insertCheck(fx.project.id, { status: "up", createdAt: d("2025-06-01T00:00:00Z") });
    pageId = (await createStatusPage(fx.project.id)).id;
    await addComponents(pageId, [check.id]);
  });

  test("pings during a window are recorded and marked as maintenance on the check's events; its flips show as held", async () => {
    await ping(check, "success");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await createMaintenance(pageId, [check.id], new Date(), new Date(Date.now() + H));
    await ping(check, "fail");

    const maintenance = await findCheckMaintenance({ actor: SYSTEM, checkCode: check.code });
    expect(maintenance).toHaveLength(1);
    const { events } = await getCheckEvents({ actor: SYSTEM, checkCode: check.code, maintenance });
    const pings = events.filter((e): e is PingEvent => e.type === "ping");
    expect(pings.map((p) => [p.kind, p.maintenance ?? false])).toEqual([
      ["fail", true],
      ["success", false],
    ]);
    const flips = events.filter((e): e is FlipEvent => e.type === "flip");
    expect(flips.map((f) => [f.newStatus, f.held ?? null])).toEqual([["down", "maintenance"]]);
    // Without windows the log reads as before.
    const plain = await getCheckEvents({ actor: SYSTEM, checkCode: check.code });
    expect(plain.events.some((e) => "maintenance" in e || "held" in e)).toBe(false);
  });

  test("only those who may read the check see its maintenance windows", async () => {
    await createMaintenance(pageId, [check.id], new Date(Date.now() - H), new Date(Date.now() + H));
    const owner = fx.project.ownerId;
    const stranger = fx.otherProject.ownerId;
    expect(await findCheckMaintenance({ actor: userActor(owner), checkCode: check.code })).toHaveLength(1);
    await expect(findCheckMaintenance({ actor: userActor(stranger), checkCode: check.code })).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|not_found/) });
  });

  test("the downtime summary and the API's downtime endpoint leave the window out", async () => {
    const start = Date.now() - 5 * H;
    await getDb().flip.createMany({
      data: [
        { checkId: check.id, createdAt: new Date(start), processedAt: new Date(start), oldStatus: "up", newStatus: "down" },
        { checkId: check.id, createdAt: new Date(start + 3 * H), processedAt: new Date(start + 3 * H), oldStatus: "down", newStatus: "up" },
      ],
    });
    // Two of the three hours down were planned.
    await createMaintenance(pageId, [check.id], new Date(start - H), new Date(start + 2 * H));
    const maintenance = await findCheckMaintenance({ actor: SYSTEM, checkCode: check.code });
    const [today] = await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", period: "day", count: 2, maintenance });
    const [yesterday] = (await getDowntimeSummary({ actor: SYSTEM, checkCode: check.code, tz: "UTC", period: "day", count: 2, maintenance })).slice(1);
    expect(today!.downSeconds + yesterday!.downSeconds).toBeCloseTo(3600, 3);

    const res = await fetch(`http://127.0.0.1:${server.port}/api/v3/checks/${check.code}/downtime/?period=day&count=2`, { headers: { "X-Api-Key": fx.rwKey } });
    const { downtime } = (await res.json()) as { downtime: { down_seconds: number; outages: number }[] };
    expect(downtime.reduce((sum, r) => sum + r.down_seconds, 0)).toBeGreaterThanOrEqual(3599);
    expect(downtime.reduce((sum, r) => sum + r.down_seconds, 0)).toBeLessThanOrEqual(3600);
  });
});
