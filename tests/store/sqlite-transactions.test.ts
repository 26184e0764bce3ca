// Prisma transactions on SQLite take the write lock when they begin. SQLite's default deferred
// BEGIN takes a read snapshot at the first read; if another connection (the ping store, another
// process) commits before the transaction's first write, that write fails at once with
// SQLITE_BUSY_SNAPSHOT, whatever the busy timeout. Verbs check access (a read) before they write,
// so every verb would fail whenever a ping landed in between.
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { getEnv } from "../../lib/env";
import { closeAll } from "../../lib/lifecycle";
import { useTestDatabase } from "../helpers/databases";

afterAll(async () => {
  await closeAll();
});

test("a transaction that reads before it writes is not broken by another connection's commit", async () => {
  await useTestDatabase("sqlite");
  const db = getDb();
  const user = await db.user.create({ data: { email: "tx@example.org" } });
  const project = await db.project.create({ data: { code: crypto.randomUUID(), name: "tx", ownerId: user.id, badgeKey: crypto.randomUUID() } });
  const sqlitePath = getEnv().database.sqlitePath;
  if (!sqlitePath) throw new Error("expected SQLite");
  // Another writer that never waits, as the ping store's connection does not.
  const other = new Database(sqlitePath);
  other.pragma("busy_timeout = 0");
  let otherWrite = "";
  try {
    await db.$transaction(async (tx) => {
      await tx.project.findUniqueOrThrow({ where: { id: project.id } });
      try {
        other.prepare("UPDATE projects SET name = 'other' WHERE id = ?").run(project.id);
        otherWrite = "committed";
      } catch (err) {
        otherWrite = (err as { code?: string }).code ?? String(err);
      }
      await tx.project.update({ where: { id: project.id }, data: { name: "mine" } });
    });
  } finally {
    other.close();
  }
  // The other writer found the database locked (and would retry, as the ping store does).
  expect(otherWrite).toBe("SQLITE_BUSY");
  expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).name).toBe("mine");
});
