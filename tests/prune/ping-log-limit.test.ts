// PING_LOG_LIMIT gives new projects their ping_log_limit; owners and managers change it.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { userActor } from "../../lib/auth/actor";
import { createProject } from "../../lib/projects/create-project";
import { updatePingLogLimit } from "../../lib/projects/update-ping-log-limit";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createTeam, EVERYONE, expectRefused, refusalFor, snapshotDb, userFor, type Team } from "../projects/helpers";

forEachDatabase(() => {
  let team: Team;
  beforeEach(async () => {
    await resetDatabase();
    team = await createTeam();
  });
  afterEach(() => {
    setEnv({ PING_LOG_LIMIT: undefined });
  });

  const limitOf = async () => (await getDb().project.findUniqueOrThrow({ where: { id: team.project.id } })).pingLogLimit;

  test("new projects keep 100 pings per check by default", async () => {
    expect((await createProject({ actor: userActor(team.charlie.id), name: "Backups" })).pingLogLimit).toBe(100);
  });

  test("new projects get PING_LOG_LIMIT when the operator sets it", async () => {
    setEnv({ PING_LOG_LIMIT: "500" });
    expect((await createProject({ actor: userActor(team.charlie.id), name: "Backups" })).pingLogLimit).toBe(500);
  });

  describe("updatePingLogLimit", () => {
    for (const who of EVERYONE) {
      const ok = who === "owner" || who === "manager";
      test(ok ? `lets the ${who} change it` : `refuses the ${who} and changes nothing`, async () => {
        const user = userFor(team, who);
        if (ok) {
          await updatePingLogLimit({ actor: userActor(user.id), projectCode: team.project.code, value: "250" });
          expect(await limitOf()).toBe(250);
        } else {
          const before = await snapshotDb();
          await expectRefused(updatePingLogLimit({ actor: userActor(user.id), projectCode: team.project.code, value: "250" }), refusalFor(who), before);
        }
      });
    }

    test.each(["1", " 10000 ", 42])("accepts %j", async (value) => {
      await updatePingLogLimit({ actor: userActor(team.alice.id), projectCode: team.project.code, value });
      expect(await limitOf()).toBe(Number(String(value).trim()));
    });

    test.each(["0", "10001", "-5", "2.5", "1e3", "", "lots"])("rejects %j with a message giving the range", async (value) => {
      const before = await snapshotDb();
      await expect(updatePingLogLimit({ actor: userActor(team.alice.id), projectCode: team.project.code, value })).rejects.toThrow(
        "Keep between 1 and 10,000 pings per check.",
      );
      expect(await snapshotDb()).toEqual(before);
    });

    test("a PING_LOG_LIMIT above 10,000 raises the maximum to it", async () => {
      setEnv({ PING_LOG_LIMIT: "50000" });
      await updatePingLogLimit({ actor: userActor(team.alice.id), projectCode: team.project.code, value: "50000" });
      expect(await limitOf()).toBe(50000);
      await expect(updatePingLogLimit({ actor: userActor(team.alice.id), projectCode: team.project.code, value: "50001" })).rejects.toThrow("1 and 50,000");
    });
  });
});
