import { expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

forEachDatabase(() => {
  test("stores and reads back a user", async () => {
    await resetDatabase();
    const db = getDb();
    await db.user.create({ data: { email: "alice@example.org" } });
    expect(await db.user.count()).toBe(1);
  });
});
