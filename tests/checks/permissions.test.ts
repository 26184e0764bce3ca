import { beforeEach, describe, expect, test } from "vitest";
import { userActor } from "../../lib/auth/actor";
import { listCheckChannels } from "../../lib/checks/check-channels";
import { clearCheckEvents } from "../../lib/checks/clear-check-events";
import { createCheck } from "../../lib/checks/create-check";
import { deleteCheck } from "../../lib/checks/delete-check";
import { getDowntimeSummary } from "../../lib/checks/downtime";
import { findCheck, findCheckByUniqueKey } from "../../lib/checks/find-check";
import { getCheckEvents } from "../../lib/checks/get-check-events";
import { listDashboardChecks } from "../../lib/checks/list-dashboard-checks";
import { moveCheck } from "../../lib/checks/move-check";
import { pauseCheck } from "../../lib/checks/pause-check";
import { getPingBody } from "../../lib/checks/ping-log";
import { previewCheckSchedule } from "../../lib/checks/preview-schedule";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { resumeCheck } from "../../lib/checks/resume-check";
import { setCheckChannel } from "../../lib/checks/set-check-channel";
import { updateCheck } from "../../lib/checks/update-check";
import { getDb } from "../../lib/db";
import { pingCheckNow } from "../../lib/pings/ping-check-now";
import { AppError } from "../../lib/errors";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { CAN_WRITE, createRoleFixtures, ROLES, type RoleFixtures } from "./fixtures";

type Mutation = (userId: number, fx: RoleFixtures) => Promise<unknown>;

/** Each web-UI mutation on alice's project, and a way to see that it happened. */
const MUTATIONS: Record<string, { run: Mutation; happened: (fx: RoleFixtures) => Promise<boolean> }> = {
  "add a check": {
    run: (userId, fx) => createCheck({ actor: userActor(userId), projectCode: fx.project.code, input: { channels: "*" } }),
    happened: async (fx) => (await getDb().check.count({ where: { projectId: fx.project.id } })) === 2,
  },
  "edit a check": {
    run: (userId, fx) => updateCheck({ actor: userActor(userId), checkCode: fx.check.code, input: { name: "Renamed" }, via: "ui" }),
    happened: async (fx) => (await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } })).name === "Renamed",
  },
  "pause a check": {
    run: (userId, fx) => pauseCheck({ actor: userActor(userId), checkCode: fx.check.code }),
    happened: async (fx) => (await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } })).status === "paused",
  },
  "resume a check": {
    run: async (userId, fx) => {
      await getDb().check.update({ where: { id: fx.check.id }, data: { status: "paused" } });
      return resumeCheck({ actor: userActor(userId), checkCode: fx.check.code });
    },
    happened: async (fx) => (await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } })).status === "new",
  },
  "ping a check": {
    run: (userId, fx) => pingCheckNow({ actor: userActor(userId), checkCode: fx.check.code, remoteAddr: "127.0.0.1" }),
    happened: async (fx) => (await getDb().ping.count({ where: { checkId: fx.check.id } })) === 1,
  },
  "clear a check's events": {
    run: async (userId, fx) => {
      await getDb().check.update({ where: { id: fx.check.id }, data: { status: "up", lastPing: new Date() } });
      return clearCheckEvents({ actor: userActor(userId), checkCode: fx.check.code });
    },
    happened: async (fx) => (await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } })).status === "new",
  },
  "delete a check": {
    run: (userId, fx) => deleteCheck({ actor: userActor(userId), checkCode: fx.check.code }),
    happened: async (fx) => (await getDb().check.count({ where: { id: fx.check.id } })) === 0,
  },
  "turn a channel on for a check": {
    run: async (userId, fx) => {
      const channel = await getDb().channel.create({
        data: { code: crypto.randomUUID(), projectId: fx.project.id, kind: "email", config: '{"value":"a@example.org"}' },
      });
      return setCheckChannel({ actor: userActor(userId), checkCode: fx.check.code, channelCode: channel.code, enabled: true });
    },
    happened: async (fx) => (await getDb().channelCheck.count({ where: { checkId: fx.check.id } })) === 1,
  },
};

/** Each read the check pages make, on alice's project: any role may read, charlie may not. */
const READS: Record<string, (userId: number, fx: RoleFixtures) => Promise<unknown>> = {
  "open a check": (userId, fx) => findCheck({ actor: userActor(userId), checkCode: fx.check.code }),
  "follow a cloaked link": (userId, fx) => findCheckByUniqueKey({ actor: userActor(userId), uniqueKey: getUniqueKey(fx.check.code) }),
  "list the dashboard": (userId, fx) => listDashboardChecks({ actor: userActor(userId), projectCode: fx.project.code }),
  "read the event log": (userId, fx) => getCheckEvents({ actor: userActor(userId), checkCode: fx.check.code }),
  "read a ping body": (userId, fx) => getPingBody({ actor: userActor(userId), checkCode: fx.check.code, n: 1 }),
  "read the downtime": (userId, fx) => getDowntimeSummary({ actor: userActor(userId), checkCode: fx.check.code, tz: "UTC" }),
  "list the check's channels": (userId, fx) => listCheckChannels({ actor: userActor(userId), checkCode: fx.check.code }),
  "preview a schedule": (userId, fx) => previewCheckSchedule({ actor: userActor(userId), checkCode: fx.check.code, schedule: "0 3 * * *", tz: "UTC" }),
};

forEachDatabase(() => {
  let fx: RoleFixtures;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createRoleFixtures();
  });

  for (const [name, { run, happened }] of Object.entries(MUTATIONS)) {
    describe(name, () => {
      for (const role of ROLES) {
        const expected = CAN_WRITE[role] ? "is allowed" : role === "charlie" ? "is not found" : "is forbidden";
        test(`${expected} for ${role}`, async () => {
          const attempt = run(fx[role].id, fx);
          if (CAN_WRITE[role]) {
            await attempt;
            expect(await happened(fx)).toBe(true);
          } else {
            const error = await attempt.then(() => null, (err: unknown) => err);
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe(role === "charlie" ? "not_found" : "forbidden");
            expect(await happened(fx)).toBe(false);
          }
        });
      }
    });
  }

  for (const [name, read] of Object.entries(READS)) {
    describe(name, () => {
      for (const role of ROLES) {
        test(`${role === "charlie" ? "is not found" : "is allowed"} for ${role}`, async () => {
          const attempt = read(fx[role].id, fx);
          if (role === "charlie") await expect(attempt).rejects.toMatchObject({ code: "not_found" });
          else await expect(attempt).resolves.not.toBeUndefined();
        });
      }
    });
  }

  describe("move a check", () => {
    test("needs write access to the target project as well", async () => {
      // bob writes to alice's project but has no access to her second one.
      await expect(moveCheck({ actor: userActor(fx.bob.id), checkCode: fx.check.code, targetProjectCode: fx.aliceSecond.code })).rejects.toMatchObject({ code: "not_found" });
      // rita only reads the source project.
      await getDb().member.create({ data: { userId: fx.rita.id, projectId: fx.aliceSecond.id, role: "w" } });
      await expect(moveCheck({ actor: userActor(fx.rita.id), checkCode: fx.check.code, targetProjectCode: fx.aliceSecond.code })).rejects.toMatchObject({ code: "forbidden" });
      // A read-only membership of the target is not enough either.
      await getDb().member.create({ data: { userId: fx.bob.id, projectId: fx.aliceSecond.id, role: "r" } });
      await expect(moveCheck({ actor: userActor(fx.bob.id), checkCode: fx.check.code, targetProjectCode: fx.aliceSecond.code })).rejects.toMatchObject({ code: "forbidden" });
      // charlie cannot move alice's check into his own project.
      await expect(moveCheck({ actor: userActor(fx.charlie.id), checkCode: fx.check.code, targetProjectCode: fx.charliesProject.code })).rejects.toMatchObject({ code: "not_found" });
      expect((await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } })).projectId).toBe(fx.project.id);
    });

    test("is allowed with write access to both projects", async () => {
      await moveCheck({ actor: userActor(fx.alice.id), checkCode: fx.check.code, targetProjectCode: fx.aliceSecond.code });
      expect((await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } })).projectId).toBe(fx.aliceSecond.id);
      await getDb().member.create({ data: { userId: fx.bob.id, projectId: fx.aliceSecond.id, role: "w" } });
      await moveCheck({ actor: userActor(fx.bob.id), checkCode: fx.check.code, targetProjectCode: fx.project.code });
      expect((await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } })).projectId).toBe(fx.project.id);
    });
  });
});
