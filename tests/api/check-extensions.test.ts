// Beyond Healthchecks: failure_threshold and reminder_interval are accepted on create/update,
// validated strictly in §5.4's style, and never added to the check's JSON (which stays
// key-for-key Healthchecks').
import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertCheck, type Fixture } from "./fixtures";

const CASES: [body: Record<string, unknown>, message: string][] = [
  [{ failure_threshold: 0 }, "failure_threshold is too small"],
  [{ failure_threshold: 101 }, "failure_threshold is too large"],
  [{ failure_threshold: "3" }, "failure_threshold is not a number"],
  [{ failure_threshold: 2.5 }, "failure_threshold is not a number"],
  [{ failure_threshold: true }, "failure_threshold is not a number"],
  [{ failure_threshold: null }, "failure_threshold is not a number"],
  [{ reminder_interval: 59 }, "reminder_interval is too small"],
  [{ reminder_interval: -60 }, "reminder_interval is too small"],
  [{ reminder_interval: 31_536_001 }, "reminder_interval is too large"],
  [{ reminder_interval: "900" }, "reminder_interval is not a number"],
  [{ reminder_interval: false }, "reminder_interval is not a number"],
  // Alphabetical order, first error only.
  [{ reminder_interval: 1, failure_threshold: 0 }, "failure_threshold is too small"],
  [{ reminder_interval: 1, name: 1 }, "name is not a string"],
];

forEachDatabase(() => {
  let fx: Fixture;
  beforeAll(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  describe("create and update", () => {
    test.each(CASES)("rejects %j with %s", async (body, message) => {
      for (const path of ["/api/v3/checks/", `/api/v3/checks/${(await insertCheck(fx.project.id)).code}`]) {
        const res = await call("POST", path, { key: fx.rwKey, body });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: `json validation error: ${message}` });
      }
    });

    test("stores the settings without adding keys to the check's JSON", async () => {
      const plain = await (await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { name: "plain" } })).json();
      const res = await call("POST", "/api/v3/checks/", {
        key: fx.rwKey,
        body: { name: "extended", failure_threshold: 3, reminder_interval: 900 },
      });
      expect(res.status).toBe(201);
      const json = await res.json();
      expect(Object.keys(json)).toEqual(Object.keys(plain));
      const stored = await getDb().check.findFirstOrThrow({ where: { name: "extended" } });
      expect(stored).toMatchObject({ failureThreshold: 3, reminderInterval: 900, nextReminderAt: null });

      const check = await insertCheck(fx.project.id);
      const upd = await call("POST", `/api/v3/checks/${check.code}`, { key: fx.rwKey, body: { failure_threshold: 100, reminder_interval: 0 } });
      expect(upd.status).toBe(200);
      expect(await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({ failureThreshold: 100, reminderInterval: 0 });
    });
  });
});
