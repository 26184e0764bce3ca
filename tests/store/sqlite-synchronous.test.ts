// SQLITE_SYNCHRONOUS picks how SQLite syncs in WAL mode, for the ping store and Prisma alike:
// NORMAL (default) survives a killed process; FULL also survives a power loss or an OS crash.
import type Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { EnvError, parseEnv } from "../../lib/env";
import { closeAll } from "../../lib/lifecycle";
import { getPingStore } from "../../lib/store/get-ping-store";
import { useTestDatabase } from "../helpers/databases";

// PRAGMA synchronous: 1 = NORMAL, 2 = FULL.
async function levels(): Promise<{ pingStore: number; prisma: number }> {
  // The ping store keeps its connection private; reading one pragma from it is all this needs.
  const store = getPingStore() as unknown as { db: Database.Database };
  const pingStore = store.db.pragma("synchronous", { simple: true }) as number;
  const [row] = await getDb().$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
  return { pingStore, prisma: Number(row.synchronous) };
}

afterAll(async () => {
  await closeAll();
});

describe("SQLITE_SYNCHRONOUS", () => {
  test("defaults to NORMAL on both connections", async () => {
    await useTestDatabase("sqlite", { SQLITE_SYNCHRONOUS: "" });
    expect(await levels()).toEqual({ pingStore: 1, prisma: 1 });
  });

  test("FULL applies to the ping store and to Prisma", async () => {
    await useTestDatabase("sqlite", { SQLITE_SYNCHRONOUS: "FULL" });
    expect(await levels()).toEqual({ pingStore: 2, prisma: 2 });
    await useTestDatabase("sqlite", { SQLITE_SYNCHRONOUS: "" });
  });

  test("any other value stops start-up naming the variable", () => {
    expect(() => parseEnv({ SQLITE_SYNCHRONOUS: "OFF" })).toThrow(EnvError);
    expect(() => parseEnv({ SQLITE_SYNCHRONOUS: "OFF" })).toThrow(/SQLITE_SYNCHRONOUS/);
    expect(parseEnv({ SQLITE_SYNCHRONOUS: "full" }).sqliteSynchronous).toBe("FULL");
  });
});
