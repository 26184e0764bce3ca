// The uptime bars of a page read from real rows on both databases: flips, probe rollups and raw
// results, the page's maintenance windows and incidents, all in a fixed number of queries.
import { beforeEach, expect, test } from "vitest";
import { getDb, type Check } from "../../lib/db";
import { formatUptime } from "../../lib/status-pages/uptime";
import { loadUptimeBars } from "../../lib/status-pages/uptime-query";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createCheck, createFixtures } from "../fixtures";
import { addComponents, createIncident, createMaintenance, createStatusPage, resetStatusPages } from "./maintenance-fixtures";

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 2, 1); // 2026-03-01T00:00Z
const at = (day: number, hour = 0, minute = 0) => new Date(T0 + day * D + hour * H + minute * 60_000);
const NOW = at(2, 12);
const PROBE = JSON.stringify({ type: "http", url: "https://example.org/", interval: 60, timeout: 10, attempts: 1, attempt_spacing: 0, threshold_rtt: 0, regions: ["local"] });

forEachDatabase(() => {
  let projectId: number;
  let pageId: number;
  let otherPageId: number;
  let passive: Check;
  let active: Check;
  let fresh: Check;

  beforeEach(async () => {
    await resetStatusPages();
    await resetDatabase();
    ({ project: { id: projectId } } = await createFixtures());
    const db = getDb();
    passive = await createCheck(projectId, { status: "up", createdAt: at(-10) });
    active = await createCheck(projectId, { status: "up", createdAt: at(-10), probe: PROBE, timeout: 60, grace: 60 });
    fresh = await createCheck(projectId, { status: "new", createdAt: at(1, 18) });
    pageId = (await createStatusPage(projectId)).id;
    otherPageId = (await createStatusPage(projectId)).id;
    await addComponents(pageId, [passive.id, active.id, fresh.id]);
    await addComponents(otherPageId, [passive.id]);

    // The passive check: down from 22:00 on the first day to 04:00 on the second.
    await db.flip.createMany({
      data: [
        { checkId: passive.id, createdAt: at(-9), oldStatus: "new", newStatus: "up", processedAt: at(-9) },
        { checkId: passive.id, createdAt: at(0, 22), oldStatus: "up", newStatus: "down", processedAt: at(0, 22) },
        { checkId: passive.id, createdAt: at(1, 4), oldStatus: "down", newStatus: "up", processedAt: at(1, 4) },
      ],
    });
    // The active check ran every hour of the first day (rolled up, two regions), not at all on
    // the second (the prober was stopped), and every hour of today (not rolled up yet).
    for (let h = 0; h < 24; h++) {
      for (const region of ["local", "fra"]) {
        await db.probeRollup.create({ data: { checkId: active.id, region, period: "hour", start: at(0, h), runs: 60, failures: 0 } });
      }
    }
    for (let h = 0; h < 12; h++) {
      await db.probeResult.create({ data: { checkId: active.id, date: at(2, h, 30), status: "healthy", rttMs: 12 } });
    }
    // Maintenance on this page 01:00–03:00 today; another page's maintenance does not count here.
    await createMaintenance(pageId, [passive.id, active.id], at(2, 1), at(2, 3));
    await createMaintenance(otherPageId, [passive.id], at(2, 5), at(2, 7));
    await createIncident(pageId, [passive.id], at(0, 22, 5), at(1, 4), { name: "Nightly job failing" });
    await createIncident(otherPageId, [passive.id], at(0, 22, 5), null, { name: "Other page's incident" });
  });

  const load = () =>
    loadUptimeBars(getDb(), [passive, active, fresh].map((c) => ({ checkId: c.id, pageId })), { days: 3, timeZone: "UTC", now: NOW });
  const hours = (s: number) => s / 3600;

  test("a passive check's days count its down time from flips, less the page's maintenance", async () => {
    const bar = (await load()).get(passive.id)!;
    expect(bar.days.map((d) => [d.date, hours(d.knownSeconds), hours(d.downSeconds), hours(d.maintenanceSeconds)])).toEqual([
      ["2026-03-01", 24, 2, 0],
      ["2026-03-02", 24, 4, 0],
      ["2026-03-03", 10, 0, 2],
    ]);
    expect(bar.days.map((d) => d.uptime)).toEqual([22 / 24, 20 / 24, 1]);
    expect(bar.uptime).toBeCloseTo(52 / 58, 12);
    expect(formatUptime(bar.days[0]!.uptime)).toBe("91.66%");
  });

  test("a day lists this page's incidents touching the check, not another page's", async () => {
    const bar = (await load()).get(passive.id)!;
    expect(bar.days.map((d) => d.incidents.map((i) => [i.name, i.impact]))).toEqual([
      [["Nightly job failing", "major"]],
      [["Nightly job failing", "major"]],
      [],
    ]);
  });

  test("an active check's hours without probe runs are no data, rolled up or not", async () => {
    const bar = (await load()).get(active.id)!;
    // The last run of the first day vouches for the next interval plus grace (two minutes).
    expect(bar.days.map((d) => [hours(d.knownSeconds), d.uptime])).toEqual([
      [24, 1],
      [2 / 60, 1],
      [10, 1],
    ]);
    expect(hours(bar.days[2]!.maintenanceSeconds)).toBe(2);
  });

  test("a check created yesterday and never pinged is grey no data, never green", async () => {
    const bar = (await load()).get(fresh.id)!;
    expect(bar.days.map((d) => d.uptime)).toEqual([null, null, null]);
    expect(bar.uptime).toBeNull();
    expect(formatUptime(bar.uptime)).toBe("No data");
  });

  test("nothing to show and unknown checks give no bars", async () => {
    expect((await loadUptimeBars(getDb(), [], { days: 90, timeZone: "UTC", now: NOW })).size).toBe(0);
    expect((await loadUptimeBars(getDb(), [{ checkId: 999_999, pageId }], { days: 90, timeZone: "UTC", now: NOW })).size).toBe(0);
  });

  test("ninety days in the page's time zone, today last", async () => {
    const bars = await loadUptimeBars(getDb(), [{ checkId: passive.id, pageId }], { days: 90, timeZone: "America/New_York", now: NOW });
    const days = bars.get(passive.id)!.days;
    expect(days).toHaveLength(90);
    expect(days.at(-1)!.date).toBe("2026-03-03");
    expect(days[0]!.date).toBe("2025-12-04");
    // Before the check existed there is no data.
    expect(days[0]!.uptime).toBeNull();
  });
});
