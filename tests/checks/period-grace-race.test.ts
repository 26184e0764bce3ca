// A UI edit of period, grace or schedule that makes an up check overdue marks it down with an
// already processed flip, so nobody is alerted about what the user just did. sendalerts scans
// for overdue checks at any moment, from its own connection: this runs a scan exactly between
// the edit's writes (the new alert_after, then the status) while the edit's transaction holds
// the check's lock, and another once it committed, and checks that no alert was queued. When
// the two writes were two transactions, the first scan flipped the check down with an alert.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, beforeEach, expect, test } from "vitest";
import { findGoingDown } from "../../lib/alerts/find-going-down";
import { userActor } from "../../lib/auth/actor";
import { updateCheck, updateCheckSeam } from "../../lib/checks/update-check";
import { getDb, getSqlitePragmas, type Db } from "../../lib/db";
import { getEnv } from "../../lib/env";
import { PrismaClient } from "../../lib/generated/sqlite/client";
import { PrismaClient as PgPrismaClient } from "../../lib/generated/postgres/client";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createRoleFixtures, type RoleFixtures } from "./fixtures";

const HOUR = 3_600_000;

/**
 * A second client on the test database with a connection of its own, as the web app and a
 * sendalerts process have in production (on SQLite, Prisma runs every query of one client on a
 * single connection, so a scan through the same client would read the edit's uncommitted rows).
 */
async function openSecondClient(): Promise<Db> {
  const { database } = getEnv();
  if (database.kind === "postgres") {
    return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }) }) as unknown as Db;
  }
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: database.url }, { timestampFormat: "unixepoch-ms" }) });
  for (const pragma of getSqlitePragmas().split(";").map((p: string) => p.trim()).filter(Boolean)) await client.$queryRawUnsafe(pragma);
  return client;
}

forEachDatabase(() => {
  let fx: RoleFixtures;
  let web: Db;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createRoleFixtures();
    web = await openSecondClient();
  });
  afterEach(async () => {
    updateCheckSeam.afterSettingsWrite = undefined;
    await web?.$disconnect();
  });

  test("a sendalerts scan between a period edit's writes queues no alert for the overdue check", async () => {
    const lastPing = new Date(Date.now() - 3 * HOUR);
    // Up and on time with the default period (1 day + 1 hour of grace).
    await getDb().check.update({
      where: { id: fx.check.id },
      data: { status: "up", lastPing, alertAfter: new Date(lastPing.getTime() + 25 * HOUR) },
    });

    const scans: boolean[] = [];
    updateCheckSeam.afterSettingsWrite = async () => {
      scans.push(await findGoingDown(new Date()));
    };
    // The web app's edit runs on its own connection; the scans on the default client's.
    await web.$transaction((tx) =>
      updateCheck({ actor: userActor(fx.alice.id), checkCode: fx.check.code, input: { timeout: 3600, grace: 60 }, via: "ui", tx }),
    );
    expect(scans).toEqual([false]);
    // And a scan after the edit finds nothing left to do.
    expect(await findGoingDown(new Date())).toBe(false);

    const check = await getDb().check.findUniqueOrThrow({ where: { id: fx.check.id } });
    expect(check).toMatchObject({ status: "down", alertAfter: null });
    const flips = await getDb().flip.findMany({ where: { checkId: fx.check.id } });
    expect(flips.filter((f) => f.processedAt === null)).toEqual([]);
    expect(flips).toHaveLength(1);
    expect(flips[0]).toMatchObject({ oldStatus: "up", newStatus: "down", reason: "" });
  });
});
