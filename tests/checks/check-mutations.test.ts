import { beforeEach, describe, expect, test } from "vitest";
import { SYSTEM, userActor } from "../../lib/auth/actor";
import { listCheckChannels } from "../../lib/checks/check-channels";
import { clearCheckEvents } from "../../lib/checks/clear-check-events";
import { createCheck as createCheckVerb } from "../../lib/checks/create-check";
import { findCheckByUniqueKey } from "../../lib/checks/find-check";
import { moveCheck } from "../../lib/checks/move-check";
import { setCheckChannel } from "../../lib/checks/set-check-channel";
import { isOverdue } from "../../lib/checks/status";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { updateCheck } from "../../lib/checks/update-check";
import { getDb } from "../../lib/db";
import { AppError, toFormState } from "../../lib/errors";
import { pingCheckNow } from "../../lib/pings/ping-check-now";
import { createCheck } from "../fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createRoleFixtures, type RoleFixtures } from "./fixtures";

const HOUR = 3_600_000;

forEachDatabase(() => {
  let fx: RoleFixtures;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createRoleFixtures();
  });

  const channel = (projectId: number, name = "") =>
    getDb().channel.create({ data: { code: crypto.randomUUID(), projectId, kind: "email", name, config: '{"value":"a@example.org"}' } });
  const reload = () => getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } });
  /** The dashboard's "Add check": the defaults, notifying every channel of the project. */
  const addCheckAsUser = async (userId: number, projectCode: string) =>
    (await createCheckVerb({ actor: userActor(userId), projectCode, input: { channels: "*" } })).check;
  /** The details page's edit forms. */
  const editCheckAsUser = (userId: number, checkCode: string, input: Record<string, unknown>) =>
    updateCheck({ actor: userActor(userId), checkCode, input, via: "ui" });
  /** A /cloaked/<unique_key>/ link: the check's UUID, or null when the user has no such check. */
  const findUserCheckByUniqueKey = (userId: number, uniqueKey: string) =>
    findCheckByUniqueKey({ actor: userActor(userId), uniqueKey }).then(
      (found) => found.check.code,
      (err: unknown) => {
        if (err instanceof AppError && err.code === "not_found") return null;
        throw err;
      },
    );

  describe("add check", () => {
    test("creates a check with the defaults that notifies every channel of the project", async () => {
      const a = await channel(fx.project.id);
      const b = await channel(fx.project.id);
      await channel(fx.aliceSecond.id);
      const check = await addCheckAsUser(fx.bob.id, fx.project.code);
      expect(check).toMatchObject({ name: "", kind: "simple", timeout: 86400, grace: 3600, status: "new", projectId: fx.project.id });
      const links = await getDb().channelCheck.findMany({ where: { checkId: check.id }, orderBy: { channelId: "asc" } });
      expect(links.map((l) => l.channelId)).toEqual([a.id, b.id]);
    });

    test("is refused when the owner's check limit is reached", async () => {
      await getDb().user.update({ where: { id: fx.alice.id }, data: { checkLimit: 1 } });
      await expect(addCheckAsUser(fx.alice.id, fx.project.code)).rejects.toMatchObject({ code: "forbidden" });
    });
  });

  describe("edit check", () => {
    test("validates with the API's rules and messages", async () => {
      await expect(editCheckAsUser(fx.alice.id, fx.check.code, { slug: "Not Valid" })).rejects.toThrow(
        "json validation error: slug does not match pattern",
      );
      await expect(editCheckAsUser(fx.alice.id, fx.check.code, { timeout: 30 })).rejects.toThrow("json validation error: timeout is too small");
      await expect(editCheckAsUser(fx.alice.id, fx.check.code, { schedule: "61 * * * *" })).rejects.toThrow(
        "json validation error: schedule is not a valid cron or OnCalendar expression",
      );
      await expect(editCheckAsUser(fx.alice.id, fx.check.code, { name: "x".repeat(101) })).rejects.toThrow("json validation error: name is too long");
      expect((await reload()).name).toBe("Backups");
    });

    test("tells the form which field is at fault, with tags and description capped as in the API", async () => {
      for (const [input, field, error] of [
        [{ tags: "x".repeat(501) }, "tags", "Tags is too long"],
        [{ desc: "x".repeat(10_001) }, "desc", "Desc is too long"],
        [{ timeout: "soon" }, "timeout", "Timeout is not a number"],
        [{ failure_kw: "x".repeat(201) }, "failure_kw", "Failure_kw is too long"],
      ] as const) {
        const err = await editCheckAsUser(fx.alice.id, fx.check.code, input).then(() => null, (e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect(toFormState(err)).toMatchObject({ ok: false, field, error });
      }
      expect(await reload()).toMatchObject({ tags: "prod db", desc: "" });
    });

    test("writes only the fields sent, with v3 semantics (no auto-slug), and ignores channels", async () => {
      const c = await channel(fx.project.id);
      const updated = await editCheckAsUser(fx.alice.id, fx.check.code, { name: "Nightly backup", desc: "runs at 3", channels: "*" });
      expect(updated).toMatchObject({ name: "Nightly backup", slug: "", desc: "runs at 3", tags: "prod db" });
      expect(await getDb().channelCheck.count({ where: { channelId: c.id } })).toBe(0);
    });

    test("switches to a cron schedule and back to a simple period", async () => {
      let updated = await editCheckAsUser(fx.alice.id, fx.check.code, { schedule: "0 3 * * *", tz: "Europe/Kiev", grace: 600 });
      expect(updated).toMatchObject({ kind: "cron", schedule: "0 3 * * *", tz: "Europe/Kyiv", grace: 600 });
      updated = await editCheckAsUser(fx.alice.id, fx.check.code, { timeout: 7200 });
      expect(updated).toMatchObject({ kind: "simple", timeout: 7200 });
    });

    test("marks an up check down without an alert when a shorter period makes it overdue", async () => {
      await getDb().check.update({ where: { id: fx.check.id }, data: { status: "up", lastPing: new Date(Date.now() - 3 * HOUR) } });
      const updated = await editCheckAsUser(fx.alice.id, fx.check.code, { timeout: 3600, grace: 60 });
      expect(updated.status).toBe("down");
      expect(await reload()).toMatchObject({ status: "down", alertAfter: null });
      const flips = await getDb().flip.findMany({ where: { checkId: fx.check.id } });
      expect(flips).toHaveLength(1);
      expect(flips[0]).toMatchObject({ oldStatus: "up", newStatus: "down" });
      expect(flips[0]!.processedAt).not.toBeNull();
    });

    test("leaves a check that is still on time alone, and a name edit never flips", async () => {
      await getDb().check.update({ where: { id: fx.check.id }, data: { status: "up", lastPing: new Date(Date.now() - 3 * HOUR), timeout: 60, grace: 60 } });
      await editCheckAsUser(fx.alice.id, fx.check.code, { name: "Still up" });
      expect((await reload()).status).toBe("up");
      await editCheckAsUser(fx.alice.id, fx.check.code, { timeout: 86400 });
      expect((await reload()).status).toBe("up");
      expect(await getDb().flip.count()).toBe(0);
      expect(isOverdue(await reload(), new Date())).toBe(false);
    });
  });

  test("ping now records a success ping like a dashboard ping", async () => {
    const result = await pingCheckNow({ actor: userActor(fx.alice.id), checkCode: fx.check.code, remoteAddr: "192.0.2.1" });
    expect(result).toEqual({ status: 200, body: "OK" });
    const pings = await getDb().ping.findMany({ where: { checkId: fx.check.id } });
    expect(pings).toHaveLength(1);
    expect(pings[0]).toMatchObject({ kind: null, scheme: "http", method: "", ua: "Dashboard", remoteAddr: "192.0.2.1", n: 1 });
    expect(await reload()).toMatchObject({ status: "up", nPings: 1 });
    // new -> up is a flip, delivered silently by sendalerts.
    expect(await getDb().flip.count({ where: { checkId: fx.check.id } })).toBe(1);
  });

  test("clear events starts the check over and deletes its history, keeping its settings", async () => {
    const c = await channel(fx.project.id);
    await getDb().check.update({
      where: { id: fx.check.id },
      data: { status: "down", lastPing: new Date(), lastStart: new Date(), lastStartRid: crypto.randomUUID(), lastDuration: 5000, alertAfter: new Date(), nPings: 2 },
    });
    await getDb().ping.createMany({ data: [1, 2].map((n) => ({ checkId: fx.check.id, n, createdAt: new Date() })) });
    await getDb().flip.create({ data: { checkId: fx.check.id, createdAt: new Date(), oldStatus: "up", newStatus: "down" } });
    await getDb().notification.create({ data: { code: crypto.randomUUID(), checkId: fx.check.id, checkStatus: "down", channelId: c.id } });
    await getDb().channelCheck.create({ data: { channelId: c.id, checkId: fx.check.id } });
    const other = await createCheck(fx.project.id);
    await getDb().ping.create({ data: { checkId: other.id, n: 1, createdAt: new Date() } });

    await clearCheckEvents({ actor: SYSTEM, checkCode: fx.check.code });
    expect(await reload()).toMatchObject({
      status: "new",
      lastPing: null,
      lastStart: null,
      lastStartRid: null,
      lastDuration: null,
      alertAfter: null,
      nPings: 2,
      name: "Backups",
    });
    expect(await getDb().ping.count({ where: { checkId: fx.check.id } })).toBe(0);
    expect(await getDb().flip.count({ where: { checkId: fx.check.id } })).toBe(0);
    expect(await getDb().notification.count({ where: { checkId: fx.check.id } })).toBe(0);
    expect(await getDb().channelCheck.count({ where: { checkId: fx.check.id } })).toBe(1);
    expect(await getDb().ping.count({ where: { checkId: other.id } })).toBe(1);
  });

  describe("move check", () => {
    test("keeps the UUID and history and swaps the old project's channels for all of the new one's", async () => {
      const old = await channel(fx.project.id);
      const target1 = await channel(fx.aliceSecond.id);
      const target2 = await channel(fx.aliceSecond.id);
      await getDb().channelCheck.create({ data: { channelId: old.id, checkId: fx.check.id } });
      await getDb().ping.create({ data: { checkId: fx.check.id, n: 1, createdAt: new Date() } });

      const moved = await moveCheck({ actor: SYSTEM, checkCode: fx.check.code, targetProjectCode: fx.aliceSecond.code });
      expect(moved).toMatchObject({ code: fx.check.code, projectId: fx.aliceSecond.id });
      const links = await getDb().channelCheck.findMany({ where: { checkId: fx.check.id }, orderBy: { channelId: "asc" } });
      expect(links.map((l) => l.channelId)).toEqual([target1.id, target2.id]);
      expect(await getDb().ping.count({ where: { checkId: fx.check.id } })).toBe(1);
    });

    test("respects the target owner's check limit", async () => {
      await getDb().user.update({ where: { id: fx.charlie.id }, data: { checkLimit: 0 } });
      await expect(moveCheck({ actor: SYSTEM, checkCode: fx.check.code, targetProjectCode: fx.charliesProject.code })).rejects.toMatchObject({ code: "forbidden" });
      // Between two projects of the same owner the count does not change.
      await getDb().user.update({ where: { id: fx.alice.id }, data: { checkLimit: 1 } });
      await expect(moveCheck({ actor: SYSTEM, checkCode: fx.check.code, targetProjectCode: fx.aliceSecond.code })).resolves.toMatchObject({ projectId: fx.aliceSecond.id });
    });
  });

  test("channel toggles turn one channel on and off, idempotently, within the project only", async () => {
    const a = await channel(fx.project.id, "Ops");
    const b = await channel(fx.project.id);
    const foreign = await channel(fx.charliesProject.id);
    await setCheckChannel({ actor: SYSTEM, checkCode: fx.check.code, channelCode: a.code, enabled: true });
    await setCheckChannel({ actor: SYSTEM, checkCode: fx.check.code, channelCode: a.code, enabled: true });
    expect((await listCheckChannels({ actor: SYSTEM, checkCode: fx.check.code })).map((c) => [c.label, c.enabled])).toEqual([
      ["Ops", true],
      ["a@example.org", false],
    ]);
    await setCheckChannel({ actor: SYSTEM, checkCode: fx.check.code, channelCode: a.code, enabled: false });
    await setCheckChannel({ actor: SYSTEM, checkCode: fx.check.code, channelCode: b.code, enabled: true });
    expect((await listCheckChannels({ actor: SYSTEM, checkCode: fx.check.code })).map((c) => c.enabled)).toEqual([false, true]);
    await expect(setCheckChannel({ actor: SYSTEM, checkCode: fx.check.code, channelCode: foreign.code, enabled: true })).rejects.toMatchObject({ code: "not_found" });
  });

  test("cloaked links find a check by unique key only in the user's projects", async () => {
    const key = getUniqueKey(fx.check.code);
    expect(await findUserCheckByUniqueKey(fx.alice.id, key)).toBe(fx.check.code);
    expect(await findUserCheckByUniqueKey(fx.rita.id, key)).toBe(fx.check.code);
    expect(await findUserCheckByUniqueKey(fx.charlie.id, key)).toBeNull();
    expect(await findUserCheckByUniqueKey(fx.alice.id, "0".repeat(40))).toBeNull();
    expect(await findUserCheckByUniqueKey(fx.alice.id, "../etc")).toBeNull();
  });
});
