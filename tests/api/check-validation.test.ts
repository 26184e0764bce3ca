import { beforeAll, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertChannel, insertCheck, type Fixture } from "./fixtures";

// Every message of Healthchecks' Spec validation (§5.4), as {"error": "json validation error: ..."}.
const CASES: [body: Record<string, unknown>, message: string][] = [
  [{ name: "x".repeat(101) }, "name is too long"],
  [{ name: 1 }, "name is not a string"],
  [{ name: null }, "name is not a string"],
  [{ slug: "x".repeat(101) }, "slug is too long"],
  [{ slug: "Has Space" }, "slug does not match pattern"],
  [{ slug: "UPPER" }, "slug does not match pattern"],
  [{ tags: ["a"] }, "tags is not a string"],
  [{ desc: false }, "desc is not a string"],
  [{ timeout: 59 }, "timeout is too small"],
  [{ timeout: 31_536_001 }, "timeout is too large"],
  [{ timeout: "60" }, "timeout is not a number"],
  [{ timeout: 60.5 }, "timeout is not a number"],
  [{ timeout: null }, "timeout is not a number"],
  // Python's bool is an int: Healthchecks turns true into 1 second.
  [{ timeout: true }, "timeout is too small"],
  [{ grace: 59 }, "grace is too small"],
  [{ grace: 31_536_001 }, "grace is too large"],
  [{ grace: "3600" }, "grace is not a number"],
  [{ schedule: "x".repeat(101) }, "schedule is too long"],
  [{ schedule: 5 }, "schedule is not a string"],
  [{ schedule: "* * * *" }, "schedule is not a valid cron or OnCalendar expression"],
  [{ schedule: "61 * * * *" }, "schedule is not a valid cron or OnCalendar expression"],
  [{ schedule: "" }, "schedule is not a valid cron or OnCalendar expression"],
  [{ tz: "Mars/Olympus" }, "tz is not a valid timezone"],
  [{ tz: 1 }, "tz is not a string"],
  [{ manual_resume: "true" }, "manual_resume is not a boolean"],
  [{ manual_resume: 1 }, "manual_resume is not a boolean"],
  [{ methods: "GET" }, "methods has unexpected value"],
  [{ methods: null }, "methods has unexpected value"],
  [{ channels: 1 }, "channels is not a string"],
  [{ start_kw: "x".repeat(201) }, "start_kw is too long"],
  [{ success_kw: "x".repeat(201) }, "success_kw is too long"],
  [{ failure_kw: "x".repeat(201) }, "failure_kw is too long"],
  [{ subject: "x".repeat(201) }, "subject is too long"],
  [{ subject_fail: "x".repeat(201) }, "subject_fail is too long"],
  [{ filter_subject: "yes" }, "filter_subject is not a boolean"],
  [{ filter_body: 0 }, "filter_body is not a boolean"],
  [{ filter_http_body: null }, "filter_http_body is not a boolean"],
  [{ filter_default_fail: "false" }, "filter_default_fail is not a boolean"],
  [{ unique: "name" }, "unique is not an array"],
  [{ unique: ["color"] }, "an item in 'unique' has unexpected value"],
  [{ unique: [null] }, "an item in 'unique' has unexpected value"],
  // Fields are checked in alphabetical order and only the first error is reported.
  [{ timeout: 1, name: 1 }, "name is not a string"],
  [{ unique: 1, channels: 1 }, "channels is not a string"],
];

// Healthchecks' model holds 500 characters of tags; one call with 250,000 tags once stalled
// every tenant's pings. Its API sets no limit on desc; ours is 10,000 characters.
const TOO_LONG: [what: string, body: Record<string, unknown>, message: string][] = [
  ["501 characters of tags", { tags: "x".repeat(501) }, "tags is too long"],
  ["250,000 tags", { tags: Array.from({ length: 250_000 }, (_, i) => `t${i}`).join(" ") }, "tags is too long"],
  ["10,001 characters of description", { desc: "x".repeat(10_001) }, "desc is too long"],
];

forEachDatabase(() => {
  let fx: Fixture;
  beforeAll(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  describe("create", () => {
    test.each(CASES)("rejects %j with %s", async (body, message) => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: `json validation error: ${message}` });
    });

    test("creates nothing when validation fails", async () => {
      const before = await getDb().check.count();
      await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { name: "ok", timeout: 1 } });
      expect(await getDb().check.count()).toBe(before);
    });

    test("ignores unknown keys", async () => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { colour: null, extra: [1] } });
      expect(res.status).toBe(201);
    });

    test("counts name length in characters, not UTF-16 units", async () => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { name: "😀".repeat(100) } });
      expect(res.status).toBe(201);
    });

    test("accepts 500 characters of tags and 10,000 of description", async () => {
      const tags = "😀".repeat(500);
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { tags, desc: "d".repeat(10_000) } });
      expect(res.status).toBe(201);
      expect((await res.json()).tags).toBe(tags);
    });

    test("accepts the edges of the timeout and grace ranges", async () => {
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { timeout: 60, grace: 31_536_000 } });
      expect(res.status).toBe(201);
    });

    test("rewrites legacy time zone names to the canonical ones", async () => {
      const res = await call("POST", "/api/v3/checks/", {
        key: fx.rwKey,
        body: { schedule: "0 5 * * *", tz: "Europe/Kiev" },
      });
      expect((await res.json()).tz).toBe("Europe/Kyiv");
    });
  });

  describe("length caps", () => {
    test.each(TOO_LONG)("a create with %s is rejected as too long and creates nothing", async (_what, body, message) => {
      const before = await getDb().check.count();
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: `json validation error: ${message}` });
      expect(await getDb().check.count()).toBe(before);
    });

    test.each(TOO_LONG)("an update with %s is rejected as too long", async (_what, body, message) => {
      const check = await insertCheck(fx.project.id);
      const res = await call("POST", `/api/v3/checks/${check.code}`, { key: fx.rwKey, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: `json validation error: ${message}` });
    });
  });

  describe("update", () => {
    test.each(CASES.slice(0, 12))("rejects %j with %s", async (body, message) => {
      const check = await insertCheck(fx.project.id);
      const res = await call("POST", `/api/v3/checks/${check.code}`, { key: fx.rwKey, body });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: `json validation error: ${message}` });
    });
  });

  describe("channel identifiers", () => {
    test("rejects an empty item, an unknown one and an ambiguous name", async () => {
      await insertChannel(fx.project.id, { name: "twin" });
      await insertChannel(fx.project.id, { name: "twin" });
      const check = await insertCheck(fx.project.id);
      for (const [channels, error] of [
        ["twin,", "non-unique channel identifier: twin"],
        [",", "empty channel identifier"],
        ["nope", "invalid channel identifier: nope"],
        ["twin", "non-unique channel identifier: twin"],
      ]) {
        const res = await call("POST", `/api/v3/checks/${check.code}`, { key: fx.rwKey, body: { channels } });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error });
      }
    });

    test("does not accept another project's channel", async () => {
      const other = await insertChannel(fx.otherProject.id, { name: "theirs" });
      const res = await call("POST", "/api/v3/checks/", { key: fx.rwKey, body: { channels: other.code } });
      expect(await res.json()).toEqual({ error: `invalid channel identifier: ${other.code}` });
    });

    test("writes nothing when the channel list is bad", async () => {
      const check = await insertCheck(fx.project.id, { name: "before" });
      await call("POST", `/api/v3/checks/${check.code}`, { key: fx.rwKey, body: { name: "after", channels: "nope" } });
      expect((await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).name).toBe("before");
    });
  });
});
