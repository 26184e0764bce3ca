import { beforeEach, describe, expect, test } from "vitest";
import { SYSTEM, userActor, type Actor } from "../../lib/auth/actor";
import { verifyPassword } from "../../lib/auth/credentials";
import { getDb } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { cancelMaintenance } from "../../lib/status-pages/cancel-maintenance";
import { createIncident } from "../../lib/status-pages/create-incident";
import { createIncidentUpdate } from "../../lib/status-pages/create-incident-update";
import { createMaintenance } from "../../lib/status-pages/create-maintenance";
import { createStatusPage } from "../../lib/status-pages/create-status-page";
import { deleteIncident } from "../../lib/status-pages/delete-incident";
import { deleteStatusPage } from "../../lib/status-pages/delete-status-page";
import { findIncident, findStatusPage, listIncidents, listStatusPages } from "../../lib/status-pages/queries";
import { updateMaintenance } from "../../lib/status-pages/update-maintenance";
import { updateStatusPage } from "../../lib/status-pages/update-status-page";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createStatusFixtures, type StatusFixtures } from "./fixtures";

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

forEachDatabase(() => {
  let fx: StatusFixtures;
  const db = () => getDb();
  const pageUpdatedAt = async (code: string) => (await db().statusPage.findUniqueOrThrow({ where: { code } })).updatedAt.getTime();
  const events = async () => (await db().statusEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.kind);

  beforeEach(async () => {
    await resetDatabase();
    fx = await createStatusFixtures();
  });

  const newPage = (actor: Actor = userActor(fx.alice.id), extra: Record<string, unknown> = {}) =>
    createStatusPage({
      actor,
      projectCode: fx.project.code,
      spec: { slug: "acme", title: "Acme", components: [{ check: fx.api.code }, { check: fx.backups.code, name: "Nightly backups", group: "Jobs" }], ...extra },
    });

  describe("who may change pages", () => {
    const cases: [string, () => Actor, "allowed" | "forbidden" | "not_found" | "unauthorized"][] = [
      ["alice (owner)", () => userActor(fx.alice.id), "allowed"],
      ["mia (manager)", () => userActor(fx.mia.id), "allowed"],
      ["bob (team member)", () => userActor(fx.bob.id), "forbidden"],
      ["rita (read-only member)", () => userActor(fx.rita.id), "forbidden"],
      ["charlie (no access)", () => userActor(fx.charlie.id), "not_found"],
      ["a read-write key", () => ({ type: "apiKey", project: fx.project, readOnly: false }), "allowed"],
      ["a read-only key", () => ({ type: "apiKey", project: fx.project, readOnly: true }), "unauthorized"],
      ["another project's key", () => ({ type: "apiKey", project: fx.charliesProject, readOnly: false }), "forbidden"],
    ];
    for (const [who, actor, outcome] of cases) {
      test(`creating, editing and posting incidents is ${outcome} for ${who}`, async () => {
        if (outcome === "allowed") {
          const page = await newPage(actor());
          await updateStatusPage({ actor: actor(), pageCode: page.code, spec: { title: "Renamed" } });
          const incident = await createIncident({ actor: actor(), pageCode: page.code, input: { name: "Slow" } });
          await deleteIncident({ actor: actor(), incidentCode: incident.code });
          await deleteStatusPage({ actor: actor(), pageCode: page.code });
          expect(await db().statusPage.count()).toBe(0);
          return;
        }
        expect((await errorOf(newPage(actor()))).code).toBe(outcome);
        const page = await newPage(SYSTEM);
        const incident = await createIncident({ actor: SYSTEM, pageCode: page.code, input: { name: "Slow" } });
        expect((await errorOf(updateStatusPage({ actor: actor(), pageCode: page.code, spec: { title: "Renamed" } }))).code).toBe(outcome);
        expect((await errorOf(createIncident({ actor: actor(), pageCode: page.code, input: { name: "Down" } }))).code).toBe(outcome);
        expect((await errorOf(createIncidentUpdate({ actor: actor(), incidentCode: incident.code, input: { status: "resolved" } }))).code).toBe(outcome);
        expect((await errorOf(deleteStatusPage({ actor: actor(), pageCode: page.code }))).code).toBe(outcome);
        expect(await db().statusPage.findUniqueOrThrow({ where: { code: page.code } })).toMatchObject({ title: "Acme" });
        expect(await db().statusIncident.count()).toBe(1);
      });
    }

    test("every member may read pages and incidents; charlie may not", async () => {
      const page = await newPage();
      const incident = await createIncident({ actor: SYSTEM, pageCode: page.code, input: { name: "Slow" } });
      for (const user of [fx.alice, fx.mia, fx.bob, fx.rita]) {
        expect(await listStatusPages({ actor: userActor(user.id), projectCode: fx.project.code })).toHaveLength(1);
        const found = await findStatusPage({ actor: userActor(user.id), pageCode: page.code });
        expect(found.canEdit).toBe(user === fx.alice || user === fx.mia);
        expect((await findIncident({ actor: userActor(user.id), incidentCode: incident.code })).name).toBe("Slow");
      }
      const charlie = userActor(fx.charlie.id);
      expect((await errorOf(listStatusPages({ actor: charlie, projectCode: fx.project.code }))).code).toBe("not_found");
      expect((await errorOf(findStatusPage({ actor: charlie, pageCode: page.code }))).code).toBe("not_found");
      expect((await errorOf(findIncident({ actor: charlie, incidentCode: incident.code }))).code).toBe("not_found");
    });
  });

  describe("pages and components", () => {
    test("a page lists its components in order, named after their checks unless named", async () => {
      const page = await newPage();
      expect(page.code).toMatch(/^[0-9a-z]{12}$/);
      const view = await findStatusPage({ actor: userActor(fx.alice.id), pageCode: page.code });
      expect(view).toMatchObject({ slug: "acme", url: "http://localhost:8000/status/acme", theme: "system", timeZone: "UTC", access: "public", hasPassword: false });
      expect(view.components.map((c) => [c.name, c.checkCode, c.group, c.position])).toEqual([
        ["API", fx.api.code, "", 0],
        ["Nightly backups", fx.backups.code, "Jobs", 1],
      ]);
      expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    });

    test("a taken slug or custom domain is a 400 saying so", async () => {
      await newPage(undefined, { custom_domain: "status.acme.com" });
      const slug = await errorOf(newPage());
      expect(slug).toMatchObject({ code: "bad_request", field: "slug" });
      expect(slug.message).toBe('slug "acme" is already taken');
      const domain = await errorOf(newPage(undefined, { slug: "acme2", custom_domain: "Status.Acme.com" }));
      expect(domain).toMatchObject({ code: "bad_request", field: "custom_domain", message: "custom domain status.acme.com is already taken" });
      const other = await createStatusPage({ actor: SYSTEM, projectCode: fx.project.code, spec: { slug: "other", title: "Other" } });
      expect((await errorOf(updateStatusPage({ actor: SYSTEM, pageCode: other.code, spec: { slug: "acme" } }))).field).toBe("slug");
      // Keeping one's own slug is fine.
      await updateStatusPage({ actor: SYSTEM, pageCode: other.code, spec: { slug: "other", title: "Other 2" } });
    });

    test("refuses another project's check and an unknown one", async () => {
      const other = await errorOf(newPage(undefined, { components: [{ check: fx.charliesCheck.code }] }));
      expect(other).toMatchObject({ code: "bad_request", field: "components", message: `check ${fx.charliesCheck.code} is not in this project` });
      const unknown = await errorOf(newPage(undefined, { components: [{ check: "00000000-0000-4000-8000-000000000000" }] }));
      expect(unknown.message).toBe("check 00000000-0000-4000-8000-000000000000 not found");
      expect(await db().statusPage.count()).toBe(0);
    });

    test("a new component list keeps the codes of components whose check stays", async () => {
      const page = await newPage();
      const before = await db().statusComponent.findMany({ where: { pageId: page.id }, include: { check: true } });
      const backupsCode = before.find((c) => c.checkId === fx.backups.id)!.code;
      const third = await getDb().check.create({ data: { code: crypto.randomUUID(), badgeKey: crypto.randomUUID(), projectId: fx.project.id, name: "Web" } });
      await updateStatusPage({ actor: SYSTEM, pageCode: page.code, spec: { components: [{ check: third.code }, { check: fx.backups.code, name: "Backups" }] } });
      const view = await findStatusPage({ actor: SYSTEM, pageCode: page.code });
      expect(view.components.map((c) => [c.name, c.position])).toEqual([["Web", 0], ["Backups", 1]]);
      expect(view.components[1].code).toBe(backupsCode);
    });

    test("settings left out of an update stay, and every update bumps updated_at", async () => {
      const page = await newPage(undefined, { description: "About", theme: "dark" });
      const t0 = await pageUpdatedAt(page.code);
      await updateStatusPage({ actor: SYSTEM, pageCode: page.code, spec: { title: "New title" } });
      const stored = await db().statusPage.findUniqueOrThrow({ where: { id: page.id } });
      expect(stored).toMatchObject({ title: "New title", description: "About", theme: "dark" });
      expect(stored.updatedAt.getTime()).toBeGreaterThan(t0);
      expect(await db().statusComponent.count({ where: { pageId: page.id } })).toBe(2);
    });

    test("a password page needs a password, stores only its hash and forgets it when made public", async () => {
      expect((await errorOf(newPage(undefined, { access: "password" }))).field).toBe("password");
      const page = await newPage(undefined, { access: "password", password: "open sesame" });
      const stored = await db().statusPage.findUniqueOrThrow({ where: { id: page.id } });
      expect(stored.passwordHash).not.toContain("open sesame");
      expect(await verifyPassword("open sesame", stored.passwordHash)).toBe(true);
      // Changing other settings keeps the stored password.
      await updateStatusPage({ actor: SYSTEM, pageCode: page.code, spec: { title: "T" } });
      expect((await db().statusPage.findUniqueOrThrow({ where: { id: page.id } })).passwordHash).toBe(stored.passwordHash);
      await updateStatusPage({ actor: SYSTEM, pageCode: page.code, spec: { access: "public" } });
      expect((await db().statusPage.findUniqueOrThrow({ where: { id: page.id } })).passwordHash).toBe("");
      expect((await errorOf(updateStatusPage({ actor: SYSTEM, pageCode: page.code, spec: { access: "password" } }))).field).toBe("password");
    });

    test("deleting a check removes its component, deleting a page everything under it", async () => {
      const page = await newPage();
      await createIncident({ actor: SYSTEM, pageCode: page.code, input: { name: "Down", components: { [fx.api.code]: "major_outage" } } });
      await db().check.delete({ where: { id: fx.api.id } });
      expect(await db().statusComponent.count()).toBe(1);
      await deleteStatusPage({ actor: SYSTEM, pageCode: page.code });
      expect([await db().statusIncident.count(), await db().statusEvent.count(), await db().statusIncidentUpdate.count()]).toEqual([0, 0, 0]);
    });
  });

  describe("incidents", () => {
    test("go through investigating, identified, monitoring and resolved, with their times and events", async () => {
      const page = await newPage();
      const t = (min: number) => new Date(Date.UTC(2026, 11, 4, 10, min));
      const incident = await createIncident({
        actor: SYSTEM,
        pageCode: page.code,
        input: { name: "API errors", body: "Looking.", components: { [fx.api.code]: "partial_outage" } },
        now: t(0),
      });
      expect(incident).toMatchObject({ impact: "minor", monitoringAt: null, resolvedAt: null, auto: false });
      let stamp = await pageUpdatedAt(page.code);
      const step = async (status: string, min: number, components?: Record<string, string>) => {
        await createIncidentUpdate({ actor: SYSTEM, incidentCode: incident.code, input: { status, body: `${status}.`, components }, now: t(min) });
        const next = await pageUpdatedAt(page.code);
        expect(next).toBeGreaterThan(stamp);
        stamp = next;
      };
      await step("identified", 5, { [fx.api.code]: "major_outage" });
      await step("monitoring", 10);
      await step("resolved", 20);

      const view = await findIncident({ actor: SYSTEM, incidentCode: incident.code });
      expect(view).toMatchObject({ status: "resolved", monitoringAt: t(10).toISOString(), resolvedAt: t(20).toISOString(), startedAt: t(0).toISOString() });
      expect(view.updates.map((u) => u.status)).toEqual(["resolved", "monitoring", "identified", "investigating"]);
      expect(view.updates[3].affected).toEqual([{ code: expect.stringMatching(/^[0-9a-z]{12}$/), name: "API", old_status: "operational", new_status: "partial_outage" }]);
      expect(view.updates[2].affected).toMatchObject([{ old_status: "partial_outage", new_status: "major_outage" }]);
      expect(view.updates[0].affected).toMatchObject([{ old_status: "major_outage", new_status: "operational" }]);
      expect(view.components).toMatchObject([{ name: "API", checkCode: fx.api.code, status: "operational" }]);

      const rows = await db().statusEvent.findMany({ orderBy: { id: "asc" } });
      expect(rows.map((e) => e.kind)).toEqual(["incident_created", "incident_updated", "incident_updated", "incident_resolved"]);
      expect(rows.map((e) => e.updateCode)).toEqual([...view.updates].reverse().map((u) => u.code));
      expect(rows.every((e) => e.key === `${e.kind}:${e.updateCode}`)).toBe(true);
    });

    test("refuses unknown statuses, impacts and checks that are not on the page", async () => {
      const page = await newPage();
      const cases: [Record<string, unknown>, string][] = [
        [{}, "name"],
        [{ name: "x", status: "scheduled" }, "status"],
        [{ name: "x", impact: "huge" }, "impact"],
        [{ name: "x", components: { [fx.api.code]: "on_fire" } }, `components.${fx.api.code}`],
        [{ name: "x", components: { [fx.charliesCheck.code]: "major_outage" } }, "components"],
        [{ name: "x", components: [fx.api.code] }, "components"],
      ];
      for (const [input, field] of cases) {
        expect(await errorOf(createIncident({ actor: SYSTEM, pageCode: page.code, input }))).toMatchObject({ code: "bad_request", field });
      }
      expect(await db().statusIncident.count()).toBe(0);
      expect(await events()).toEqual([]);
    });

    test("reopening a resolved incident clears resolved_at; a second resolution is an update", async () => {
      const page = await newPage();
      const incident = await createIncident({ actor: SYSTEM, pageCode: page.code, input: { name: "x", status: "resolved" } });
      expect(incident.resolvedAt).not.toBeNull();
      const { incident: reopened } = await createIncidentUpdate({ actor: SYSTEM, incidentCode: incident.code, input: { status: "investigating" } });
      expect(reopened.resolvedAt).toBeNull();
      await createIncidentUpdate({ actor: SYSTEM, incidentCode: incident.code, input: { status: "resolved" } });
      await createIncidentUpdate({ actor: SYSTEM, incidentCode: incident.code, input: { status: "resolved" } });
      expect(await events()).toEqual(["incident_created", "incident_updated", "incident_resolved", "incident_updated"]);
    });

    test("lists newest first and deletes with its updates and events", async () => {
      const page = await newPage();
      const a = await createIncident({ actor: SYSTEM, pageCode: page.code, input: { name: "A" }, now: new Date(1_000_000) });
      await createIncident({ actor: SYSTEM, pageCode: page.code, input: { name: "B" }, now: new Date(2_000_000) });
      expect((await listIncidents({ actor: SYSTEM, pageCode: page.code })).map((i) => i.name)).toEqual(["B", "A"]);
      expect(await listIncidents({ actor: SYSTEM, pageCode: page.code, kind: "maintenance" })).toEqual([]);
      const before = await pageUpdatedAt(page.code);
      await deleteIncident({ actor: SYSTEM, incidentCode: a.code });
      expect((await listIncidents({ actor: SYSTEM, pageCode: page.code })).map((i) => i.name)).toEqual(["B"]);
      expect(await db().statusEvent.count()).toBe(1);
      expect(await pageUpdatedAt(page.code)).toBeGreaterThan(before);
    });
  });

  describe("maintenances", () => {
    const from = new Date(Date.UTC(2030, 0, 1, 2));
    const until = new Date(Date.UTC(2030, 0, 1, 4));

    test("are scheduled with their window and components under maintenance, and announced once", async () => {
      const page = await newPage();
      const m = await createMaintenance({
        actor: SYSTEM,
        pageCode: page.code,
        input: { name: "DB upgrade", body: "Short downtime.", scheduled_for: from, scheduled_until: until, components: [fx.api.code] },
      });
      expect(m).toMatchObject({ kind: "maintenance", impact: "maintenance", scheduledFor: from, scheduledUntil: until });
      const view = await findIncident({ actor: SYSTEM, incidentCode: m.code });
      expect(view).toMatchObject({ status: "scheduled", components: [{ name: "API", status: "under_maintenance" }] });
      expect(await events()).toEqual(["maintenance_scheduled"]);
      expect((await listIncidents({ actor: SYSTEM, pageCode: page.code, kind: "maintenance" })).map((i) => i.code)).toEqual([m.code]);
      expect((await findStatusPage({ actor: SYSTEM, pageCode: page.code, now: new Date(Date.UTC(2029, 0, 1)) })).counts.upcomingMaintenances).toBe(1);
    });

    test("refuse a window that ends before it starts, no components, and bad times", async () => {
      const page = await newPage();
      const base = { name: "x", scheduled_for: from.toISOString(), scheduled_until: until.toISOString(), components: [fx.api.code] };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...base, scheduled_until: from.toISOString() }, "scheduled_until"],
        [{ ...base, components: [] }, "components"],
        [{ ...base, components: [fx.charliesCheck.code] }, "components"],
        [{ ...base, scheduled_for: "tomorrow" }, "scheduled_for"],
        [{ ...base, scheduled_for: "2030-02-30T10:00:00Z" }, "scheduled_for"],
        [{ ...base, name: "" }, "name"],
      ];
      for (const [input, field] of cases) {
        expect(await errorOf(createMaintenance({ actor: SYSTEM, pageCode: page.code, input }))).toMatchObject({ code: "bad_request", field });
      }
      expect(await db().statusIncident.count()).toBe(0);
    });

    test("started by hand before their window, open the window then and announce the start once", async () => {
      const page = await newPage();
      const m = await createMaintenance({ actor: SYSTEM, pageCode: page.code, input: { name: "x", scheduled_for: from, scheduled_until: until, components: [fx.api.code] } });
      const early = new Date(from.getTime() - 600_000);
      await createIncidentUpdate({ actor: SYSTEM, incidentCode: m.code, input: { status: "in_progress", body: "Starting early." }, now: early });
      // The window's start is what holds alerts and shows "under maintenance": it moved to now.
      expect(await findIncident({ actor: SYSTEM, incidentCode: m.code })).toMatchObject({ status: "in_progress", scheduledFor: early.toISOString(), scheduledUntil: until.toISOString() });
      await createIncidentUpdate({ actor: SYSTEM, incidentCode: m.code, input: { status: "in_progress", body: "Still at it." }, now: from });
      expect(await events()).toEqual(["maintenance_scheduled", "maintenance_started"]);
    });

    test("are edited without news, cancelled with a completed update, and deleted", async () => {
      const page = await newPage();
      const m = await createMaintenance({ actor: SYSTEM, pageCode: page.code, input: { name: "x", scheduled_for: from, scheduled_until: until, components: [fx.api.code] } });
      const later = new Date(until.getTime() + 3_600_000);
      await updateMaintenance({ actor: SYSTEM, incidentCode: m.code, input: { name: "y", body: "New text", scheduled_until: later, components: [fx.backups.code] } });
      let view = await findIncident({ actor: SYSTEM, incidentCode: m.code });
      expect(view).toMatchObject({ name: "y", scheduledUntil: later.toISOString(), components: [{ name: "Nightly backups", status: "under_maintenance" }] });
      expect(view.updates.map((u) => u.body)).toEqual(["New text"]);
      expect(await errorOf(updateMaintenance({ actor: SYSTEM, incidentCode: m.code, input: { scheduled_until: new Date(from.getTime() - 1) } }))).toMatchObject({ field: "scheduled_until" });
      expect(await errorOf(updateMaintenance({ actor: userActor(fx.bob.id), incidentCode: m.code, input: { name: "z" } }))).toMatchObject({ code: "forbidden" });

      const now = new Date(Date.UTC(2029, 5, 1));
      await cancelMaintenance({ actor: SYSTEM, incidentCode: m.code, now });
      view = await findIncident({ actor: SYSTEM, incidentCode: m.code });
      expect(view).toMatchObject({ status: "completed", resolvedAt: now.toISOString(), scheduledFor: now.toISOString(), scheduledUntil: now.toISOString() });
      expect(view.components).toMatchObject([{ status: "operational" }]);
      expect(await errorOf(cancelMaintenance({ actor: SYSTEM, incidentCode: m.code }))).toMatchObject({ code: "bad_request" });
      // Subscribers told of the schedule hear of the cancellation (once, however it ends).
      expect(await events()).toEqual(["maintenance_scheduled", "maintenance_completed"]);
      await deleteIncident({ actor: SYSTEM, incidentCode: m.code });
      expect(await db().statusIncident.count()).toBe(0);
    });
  });
});
