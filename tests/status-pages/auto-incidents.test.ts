import { beforeEach, expect, test } from "vitest";
import { SYSTEM } from "../../lib/auth/actor";
import { claimAndDeliverNextFlip } from "../../lib/alerts/claim-and-deliver-next-flip";
import { getDb, type Check } from "../../lib/db";
import { recordPing } from "../../lib/pings/record-ping";
import type { PingInput, UrlAction } from "../../lib/pings/types";
import { handleFlipForStatusPages } from "../../lib/status-pages/auto-incidents";
import { createIncident } from "../../lib/status-pages/create-incident";
import { createMaintenance } from "../../lib/status-pages/create-maintenance";
import { createStatusPage } from "../../lib/status-pages/create-status-page";
import { findIncident, listIncidents } from "../../lib/status-pages/queries";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createStatusFixtures, type StatusFixtures } from "./fixtures";

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
    body: Buffer.from(""),
    receivedAt: Date.now(),
  };
  return recordPing(input);
}

/** Runs sendalerts' flip handling until the queue is empty. */
async function drainFlips(): Promise<void> {
  while (await claimAndDeliverNextFlip());
}

forEachDatabase(() => {
  let fx: StatusFixtures;
  let pageCode: string;

  beforeEach(async () => {
    await resetDatabase();
    fx = await createStatusFixtures();
    const page = await createStatusPage({
      actor: SYSTEM,
      projectCode: fx.project.code,
      spec: { slug: "acme", title: "Acme", auto_incidents: true, components: [{ check: fx.api.code, name: "Public API" }, { check: fx.backups.code }] },
    });
    pageCode = page.code;
    // A second page without auto incidents shows the same check and must stay quiet.
    await createStatusPage({ actor: SYSTEM, projectCode: fx.project.code, spec: { slug: "quiet", title: "Quiet", components: [{ check: fx.api.code }] } });
    await ping(fx.api, "success");
    await drainFlips();
  });

  const kinds = async () => (await getDb().statusEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.kind);

  test("a check going down through the ping path opens an incident, and coming back resolves it", async () => {
    await ping(fx.api, "fail");
    await drainFlips();
    const [incident] = await listIncidents({ actor: SYSTEM, pageCode });
    expect(incident).toMatchObject({
      name: "Public API is down",
      impact: "major",
      status: "investigating",
      auto: true,
      resolvedAt: null,
      components: [{ name: "Public API", status: "major_outage" }],
    });
    expect(await getDb().statusIncident.count()).toBe(1);

    await ping(fx.api, "success");
    await drainFlips();
    const resolved = await findIncident({ actor: SYSTEM, incidentCode: incident.code });
    expect(resolved).toMatchObject({ status: "resolved", resolvedAt: expect.any(String), components: [{ status: "operational" }] });
    expect(await kinds()).toEqual(["incident_created", "incident_resolved"]);
  });

  test("handling the same flip twice opens one incident and resolves it once", async () => {
    await ping(fx.api, "fail");
    await drainFlips();
    const down = await getDb().flip.findFirstOrThrow({ where: { checkId: fx.api.id, newStatus: "down" } });
    expect(await handleFlipForStatusPages(down)).toEqual({ opened: 0, resolved: 0 });
    await ping(fx.api, "success");
    await drainFlips();
    const up = await getDb().flip.findFirstOrThrow({ where: { checkId: fx.api.id, newStatus: "up", oldStatus: "down" } });
    expect(await handleFlipForStatusPages(up)).toEqual({ opened: 0, resolved: 0 });
    expect(await getDb().statusIncident.count()).toBe(1);
    expect(await kinds()).toEqual(["incident_created", "incident_resolved"]);
  });

  test("an incident already open for the component is left to the people writing it", async () => {
    const manual = await createIncident({ actor: SYSTEM, pageCode, input: { name: "API slow", components: { [fx.api.code]: "degraded_performance" } } });
    await ping(fx.api, "fail");
    await drainFlips();
    expect((await listIncidents({ actor: SYSTEM, pageCode })).map((i) => i.code)).toEqual([manual.code]);
    await ping(fx.api, "success");
    await drainFlips();
    // Only automatic incidents are resolved automatically.
    expect((await findIncident({ actor: SYSTEM, incidentCode: manual.code })).status).toBe("investigating");
  });

  test("no incident opens while a maintenance covering the component is in progress", async () => {
    const now = Date.now();
    await createMaintenance({
      actor: SYSTEM,
      pageCode,
      input: { name: "Upgrade", scheduled_for: new Date(now - 60_000), scheduled_until: new Date(now + 3_600_000), components: [fx.api.code] },
    });
    await ping(fx.api, "fail");
    await drainFlips();
    expect(await listIncidents({ actor: SYSTEM, pageCode })).toEqual([]);
    // A check the maintenance does not cover still opens one.
    await ping(fx.backups, "success");
    await ping(fx.backups, "fail");
    await drainFlips();
    expect((await listIncidents({ actor: SYSTEM, pageCode })).map((i) => i.name)).toEqual(["Backups is down"]);
  });
});
