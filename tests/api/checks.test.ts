import { beforeEach, describe, expect, test } from "vitest";
import { getUniqueKey } from "../../lib/checks/to-dict";
import { checkToDict } from "../../lib/checks/to-dict";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertChannel, insertCheck, type Fixture } from "./fixtures";

const COMMON_KEYS = [
  "name",
  "slug",
  "tags",
  "desc",
  "grace",
  "n_pings",
  "status",
  "started",
  "last_ping",
  "next_ping",
  "manual_resume",
  "methods",
  "subject",
  "subject_fail",
  "start_kw",
  "success_kw",
  "failure_kw",
  "filter_subject",
  "filter_body",
  "filter_http_body",
  "filter_default_fail",
  "badge_url",
];
const RW_KEYS = ["uuid", "ping_url", "update_url", "pause_url", "resume_url", "channels"];

const MINUTE = 60_000;

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  const post = (path: string, body: unknown, key = fx.rwKey) => call("POST", path, { key, body });
  const get = (path: string, key = fx.rwKey) => call("GET", path, { key });

  describe("check JSON", () => {
    test("lists keys in Healthchecks' order for a simple check and a read-write key", async () => {
      const check = await insertCheck(fx.project.id, { lastDuration: 61_500 });
      const doc = await (await get(`/api/v3/checks/${check.code}`)).json();
      expect(Object.keys(doc)).toEqual([...COMMON_KEYS, "last_duration", ...RW_KEYS, "timeout"]);
    });

    test("lists keys in Healthchecks' order for a cron check and a read-only key", async () => {
      const check = await insertCheck(fx.project.id, { kind: "cron", schedule: "0 5 * * *", tz: "Europe/Riga" });
      const doc = await (await get(`/api/v3/checks/${check.code}`, fx.roKey)).json();
      expect(Object.keys(doc)).toEqual([...COMMON_KEYS, "unique_key", "schedule", "tz"]);
      expect(doc.unique_key).toBe(getUniqueKey(check.code));
    });

    test("renders values like Check.to_dict", async () => {
      const channel = await insertChannel(fx.project.id);
      const check = await insertCheck(fx.project.id, {
        name: "Backups",
        slug: "backups",
        tags: "prod db",
        timeout: 3600,
        grace: 120,
        status: "up",
        nPings: 7,
        lastPing: new Date("2026-01-01T10:00:00.987Z"),
        lastDuration: 61_999,
        filterSubject: true,
        successKw: "ok",
        failureKw: "fail",
      });
      await getDb().channelCheck.create({ data: { channelId: channel.id, checkId: check.id } });
      const now = new Date("2026-01-01T10:30:00Z");
      const doc = checkToDict(check, { version: 3, readOnly: false, channelCodes: [channel.code], now });
      expect(doc).toEqual({
        name: "Backups",
        slug: "backups",
        tags: "prod db",
        desc: "",
        grace: 120,
        n_pings: 7,
        status: "up",
        started: false,
        last_ping: "2026-01-01T10:00:00+00:00",
        next_ping: "2026-01-01T11:00:00+00:00",
        manual_resume: false,
        methods: "",
        subject: "ok",
        subject_fail: "fail",
        start_kw: "",
        success_kw: "ok",
        failure_kw: "fail",
        filter_subject: true,
        filter_body: false,
        filter_http_body: false,
        filter_default_fail: false,
        badge_url: `http://localhost:8000/b/2/${check.badgeKey}.svg`,
        last_duration: 61,
        uuid: check.code,
        ping_url: `http://localhost:8000/ping/${check.code}`,
        update_url: `http://localhost:8000/api/v3/checks/${check.code}`,
        pause_url: `http://localhost:8000/api/v3/checks/${check.code}/pause`,
        resume_url: `http://localhost:8000/api/v3/checks/${check.code}/resume`,
        channels: channel.code,
        timeout: 3600,
      });
      expect(checkToDict(check, { version: 3, readOnly: false, channelCodes: [], now: new Date("2026-01-01T11:01:00Z") }).status).toBe("grace");
    });

    test("sorts channel UUIDs and joins them with commas", async () => {
      const a = await insertChannel(fx.project.id);
      const b = await insertChannel(fx.project.id);
      const check = await insertCheck(fx.project.id);
      await getDb().channelCheck.createMany({ data: [a, b].map((c) => ({ channelId: c.id, checkId: check.id })) });
      const doc = await (await get(`/api/v3/checks/${check.code}`)).json();
      expect(doc.channels).toBe([a.code, b.code].sort().join(","));
    });

    test("omits a zero or missing last_duration", async () => {
      for (const lastDuration of [null, 0]) {
        const check = await insertCheck(fx.project.id, { lastDuration });
        const doc = await (await get(`/api/v3/checks/${check.code}`)).json();
        expect(doc).not.toHaveProperty("last_duration");
      }
    });

    test("reports a running job as started in v1 only, and next_ping as its start", async () => {
      const lastStart = new Date(Date.now() - MINUTE);
      const check = await insertCheck(fx.project.id, { lastStart, grace: 3600 });
      const v1 = await (await get(`/api/v1/checks/${check.code}`)).json();
      const v3 = await (await get(`/api/v3/checks/${check.code}`)).json();
      expect(v1.status).toBe("started");
      expect(v3.status).toBe("new");
      expect(v1.started).toBe(true);
      expect(v3.started).toBe(true);
      expect(v3.next_ping).toBe(lastStart.toISOString().slice(0, 19) + "+00:00");
    });

    test("uses the request's version in URLs", async () => {
      const check = await insertCheck(fx.project.id);
      const doc = await (await get(`/api/v2/checks/${check.code}`)).json();
      expect(doc.update_url).toBe(`http://localhost:8000/api/v2/checks/${check.code}`);
    });

    test("finds a check by unique_key", async () => {
      const check = await insertCheck(fx.project.id, { name: "by key" });
      const res = await get(`/api/v3/checks/${getUniqueKey(check.code)}`, fx.roKey);
      expect(res.status).toBe(200);
      expect((await res.json()).name).toBe("by key");
      expect((await get(`/api/v3/checks/${"0".repeat(40)}`, fx.roKey)).status).toBe(404);
    });

    test("does not find another project's check by unique_key", async () => {
      const other = await insertCheck(fx.otherProject.id);
      expect((await get(`/api/v3/checks/${getUniqueKey(other.code)}`)).status).toBe(404);
    });
  });

  describe("listing", () => {
    test("lists the project's checks only, oldest first", async () => {
      await insertCheck(fx.project.id, { name: "one" });
      await insertCheck(fx.project.id, { name: "two" });
      await insertCheck(fx.otherProject.id, { name: "theirs" });
      const doc = await (await get("/api/v3/checks/")).json();
      expect(Object.keys(doc)).toEqual(["checks"]);
      expect(doc.checks.map((c: { name: string }) => c.name)).toEqual(["one", "two"]);
    });

    test("filters by tags exactly, requiring every ?tag=", async () => {
      await insertCheck(fx.project.id, { name: "ab", tags: "a b" });
      await insertCheck(fx.project.id, { name: "a", tags: "a" });
      await insertCheck(fx.project.id, { name: "abc", tags: "abc" });
      const names = async (qs: string) =>
        ((await (await get(`/api/v3/checks/${qs}`)).json()).checks as { name: string }[]).map((c) => c.name);
      expect(await names("?tag=a")).toEqual(["ab", "a"]);
      expect(await names("?tag=a&tag=b")).toEqual(["ab"]);
      expect(await names("?tag=ab")).toEqual([]);
    });

    test("filters by slug", async () => {
      await insertCheck(fx.project.id, { name: "x", slug: "backups" });
      await insertCheck(fx.project.id, { name: "y", slug: "other" });
      const doc = await (await get("/api/v3/checks/?slug=backups")).json();
      expect(doc.checks.map((c: { name: string }) => c.name)).toEqual(["x"]);
      expect((await (await get("/api/v3/checks/?slug=")).json()).checks).toHaveLength(2);
    });

    test("shows unique_key and no UUIDs to read-only keys", async () => {
      await insertCheck(fx.project.id);
      const [doc] = (await (await get("/api/v3/checks/", fx.roKey)).json()).checks;
      expect(doc).toHaveProperty("unique_key");
      expect(doc).not.toHaveProperty("uuid");
      expect(doc).not.toHaveProperty("ping_url");
      expect(doc).not.toHaveProperty("channels");
    });
  });

  describe("creating", () => {
    test("creates a check with defaults and answers 201", async () => {
      const res = await post("/api/v3/checks/", {});
      expect(res.status).toBe(201);
      const doc = await res.json();
      expect(doc).toMatchObject({ name: "", slug: "", tags: "", timeout: 86400, grace: 3600, status: "new", channels: "" });
      const check = await getDb().check.findUniqueOrThrow({ where: { code: doc.uuid } });
      expect(check).toMatchObject({ projectId: fx.project.id, kind: "simple", schedule: "* * * * *", tz: "UTC" });
    });

    test("derives the slug from the name in v1 and v2 but not in v3", async () => {
      expect((await (await post("/api/v1/checks/", { name: "Nightly Backup!" })).json()).slug).toBe("nightly-backup");
      expect((await (await post("/api/v2/checks/", { name: "Déjà Vu" })).json()).slug).toBe("deja-vu");
      expect((await (await post("/api/v3/checks/", { name: "Nightly Backup" })).json()).slug).toBe("");
      expect((await (await post("/api/v3/checks/", { name: "N", slug: "n-1" })).json()).slug).toBe("n-1");
    });

    test("lets an explicit slug win over the v1 auto-slug", async () => {
      const doc = await (await post("/api/v1/checks/", { name: "Nightly", slug: "custom" })).json();
      expect(doc.slug).toBe("custom");
    });

    test("makes a cron or OnCalendar check from a schedule, which wins over timeout", async () => {
      const cron = await (await post("/api/v3/checks/", { schedule: "*/5 * * * *", timeout: 120, tz: "Europe/Riga" })).json();
      expect(cron).toMatchObject({ schedule: "*/5 * * * *", tz: "Europe/Riga" });
      expect(cron).not.toHaveProperty("timeout");
      const row = await getDb().check.findUniqueOrThrow({ where: { code: cron.uuid } });
      expect(row).toMatchObject({ kind: "cron", timeout: 86400 });
      const cal = await (await post("/api/v3/checks/", { schedule: "Mon *-*-* 09:00" })).json();
      expect((await getDb().check.findUniqueOrThrow({ where: { code: cal.uuid } })).kind).toBe("oncalendar");
    });

    test("maps the legacy subject keys to keywords and filter_subject", async () => {
      const doc = await (await post("/api/v3/checks/", { subject: "SUCCESS", subject_fail: "" })).json();
      expect(doc).toMatchObject({ success_kw: "SUCCESS", failure_kw: "", filter_subject: true, subject: "SUCCESS" });
      const off = await (await post("/api/v3/checks/", { subject: "", subject_fail: "" })).json();
      expect(off.filter_subject).toBe(false);
      const explicit = await (await post("/api/v3/checks/", { subject: "X", filter_subject: false })).json();
      expect(explicit).toMatchObject({ success_kw: "X", filter_subject: false, subject: "" });
    });

    test("assigns channels by \"*\", UUID or unique name", async () => {
      const a = await insertChannel(fx.project.id, { name: "ops" });
      const b = await insertChannel(fx.project.id, { name: "dev" });
      expect((await (await post("/api/v3/checks/", { channels: "*" })).json()).channels).toBe([a.code, b.code].sort().join(","));
      expect((await (await post("/api/v3/checks/", { channels: "ops" })).json()).channels).toBe(a.code);
      expect((await (await post("/api/v3/checks/", { channels: `${b.code},ops` })).json()).channels).toBe(
        [a.code, b.code].sort().join(","),
      );
      expect((await (await post("/api/v3/checks/", {})).json()).channels).toBe("");
    });

    test("updates the check that `unique` matches and answers 200", async () => {
      const first = await post("/api/v3/checks/", { name: "db", tags: "prod", unique: ["name"] });
      expect(first.status).toBe(201);
      const again = await post("/api/v3/checks/", { name: "db", tags: "staging", unique: ["name"] });
      expect(again.status).toBe(200);
      const [a, b] = [await first.json(), await again.json()];
      expect(b.uuid).toBe(a.uuid);
      expect(b.tags).toBe("staging");
      expect(await getDb().check.count({ where: { projectId: fx.project.id } })).toBe(1);
    });

    test("matches every field listed in `unique`", async () => {
      await post("/api/v3/checks/", { name: "db", timeout: 3600 });
      const other = await post("/api/v3/checks/", { name: "db", timeout: 7200, unique: ["name", "timeout"] });
      expect(other.status).toBe(201);
      const same = await post("/api/v3/checks/", { name: "db", timeout: 7200, grace: 60, unique: ["timeout", "name"] });
      expect(same.status).toBe(200);
    });

    test("creates when a field listed in `unique` is absent from the request", async () => {
      await post("/api/v3/checks/", { name: "db" });
      const res = await post("/api/v3/checks/", { name: "db", unique: ["name", "slug"] });
      expect(res.status).toBe(201);
    });

    test("does not match another project's check for `unique`", async () => {
      await post("/api/v3/checks/", { name: "shared" }, fx.otherKey);
      expect((await post("/api/v3/checks/", { name: "shared", unique: ["name"] })).status).toBe(201);
    });

    test("answers 403 when the owner's check limit is reached, but still upserts", async () => {
      await getDb().user.update({ where: { id: fx.project.ownerId }, data: { checkLimit: 1 } });
      expect((await post("/api/v3/checks/", { name: "only" })).status).toBe(201);
      const refused = await post("/api/v3/checks/", { name: "second" });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toBe("");
      expect((await post("/api/v3/checks/", { name: "only", unique: ["name"] })).status).toBe(200);
    });
  });

  describe("updating", () => {
    test("writes only the keys present", async () => {
      const check = await insertCheck(fx.project.id, { name: "keep", tags: "old", desc: "d" });
      const doc = await (await post(`/api/v3/checks/${check.code}`, { tags: "new" })).json();
      expect(doc).toMatchObject({ name: "keep", tags: "new", desc: "d" });
    });

    test("re-derives the slug in v1 only when the name changes", async () => {
      const check = await insertCheck(fx.project.id, { name: "Same", slug: "manual" });
      expect((await (await post(`/api/v1/checks/${check.code}`, { name: "Same" })).json()).slug).toBe("manual");
      expect((await (await post(`/api/v1/checks/${check.code}`, { name: "New Name" })).json()).slug).toBe("new-name");
      expect((await (await post(`/api/v3/checks/${check.code}`, { name: "Third" })).json()).slug).toBe("new-name");
    });

    test("switches between simple and cron kinds", async () => {
      const check = await insertCheck(fx.project.id);
      const cron = await (await post(`/api/v3/checks/${check.code}`, { schedule: "0 5 * * *" })).json();
      expect(cron.schedule).toBe("0 5 * * *");
      const simple = await (await post(`/api/v3/checks/${check.code}`, { timeout: 600 })).json();
      expect(simple.timeout).toBe(600);
      expect((await getDb().check.findUniqueOrThrow({ where: { id: check.id } })).kind).toBe("simple");
    });

    test("recomputes alert_after from the new timeout and grace", async () => {
      const lastPing = new Date(Date.now() - 10 * MINUTE);
      const check = await insertCheck(fx.project.id, { status: "up", lastPing, timeout: 3600, grace: 60 });
      await post(`/api/v3/checks/${check.code}`, { timeout: 120, grace: 300 });
      const row = await getDb().check.findUniqueOrThrow({ where: { id: check.id } });
      expect(row.alertAfter?.getTime()).toBe(lastPing.getTime() + 420_000);
      // Overdue now, but the API leaves the flip to sendalerts.
      expect(row.status).toBe("up");
    });

    test("replaces the channels only when `channels` is sent", async () => {
      const a = await insertChannel(fx.project.id, { name: "a" });
      const check = await insertCheck(fx.project.id);
      await post(`/api/v3/checks/${check.code}`, { channels: "a" });
      expect((await (await post(`/api/v3/checks/${check.code}`, { name: "x" })).json()).channels).toBe(a.code);
      expect((await (await post(`/api/v3/checks/${check.code}`, { channels: "" })).json()).channels).toBe("");
    });

    test("accepts api_key in the body and answers 200", async () => {
      const check = await insertCheck(fx.project.id);
      const res = await call("POST", `/api/v3/checks/${check.code}`, { body: { api_key: fx.rwKey, desc: "via body" } });
      expect(res.status).toBe(200);
      expect((await res.json()).desc).toBe("via body");
    });

    test("answers 404 for an unknown UUID before validating the body", async () => {
      const res = await post(`/api/v3/checks/${crypto.randomUUID()}`, { timeout: 1 });
      expect(res.status).toBe(404);
    });
  });

  describe("deleting, pausing and resuming", () => {
    test("deletes a check with its pings and answers with its JSON", async () => {
      const channel = await insertChannel(fx.project.id);
      const check = await insertCheck(fx.project.id, { name: "gone" });
      await getDb().channelCheck.create({ data: { channelId: channel.id, checkId: check.id } });
      await getDb().ping.create({ data: { checkId: check.id, n: 1, createdAt: new Date() } });
      const res = await call("DELETE", `/api/v3/checks/${check.code}`, { key: fx.rwKey });
      expect(res.status).toBe(200);
      const doc = await res.json();
      expect(doc).toMatchObject({ name: "gone", uuid: check.code, channels: channel.code });
      expect(await getDb().check.count({ where: { id: check.id } })).toBe(0);
      expect(await getDb().ping.count({ where: { checkId: check.id } })).toBe(0);
      expect(await getDb().channel.count({ where: { id: channel.id } })).toBe(1);
      expect((await call("DELETE", `/api/v3/checks/${check.code}`, { key: fx.rwKey })).status).toBe(404);
    });

    test("pauses with a processed flip and clears the deadline", async () => {
      const check = await insertCheck(fx.project.id, {
        status: "up",
        lastPing: new Date(),
        lastStart: new Date(),
        alertAfter: new Date(),
      });
      const res = await post(`/api/v3/checks/${check.code}/pause`, undefined);
      expect(res.status).toBe(200);
      expect((await res.json()).status).toBe("paused");
      const row = await getDb().check.findUniqueOrThrow({ where: { id: check.id } });
      expect(row).toMatchObject({ status: "paused", lastStart: null, alertAfter: null });
      const flips = await getDb().flip.findMany({ where: { checkId: check.id } });
      expect(flips).toHaveLength(1);
      expect(flips[0]).toMatchObject({ oldStatus: "up", newStatus: "paused" });
      expect(flips[0].processedAt).not.toBeNull();
    });

    test("pausing a paused check records no second flip", async () => {
      const check = await insertCheck(fx.project.id);
      await post(`/api/v3/checks/${check.code}/pause`, undefined);
      await post(`/api/v3/checks/${check.code}/pause`, undefined);
      expect(await getDb().flip.count({ where: { checkId: check.id } })).toBe(1);
    });

    test("resumes a paused check as new with a processed flip", async () => {
      const check = await insertCheck(fx.project.id, { status: "paused", lastPing: new Date() });
      const res = await post(`/api/v3/checks/${check.code}/resume`, undefined);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "new", last_ping: null });
      const [flip] = await getDb().flip.findMany({ where: { checkId: check.id } });
      expect(flip).toMatchObject({ oldStatus: "paused", newStatus: "new" });
      expect(flip.processedAt).not.toBeNull();
    });

    test("answers 409 check is not paused when resuming a check that is not paused", async () => {
      const check = await insertCheck(fx.project.id, { status: "up", lastPing: new Date() });
      const res = await post(`/api/v3/checks/${check.code}/resume`, undefined);
      expect(res.status).toBe(409);
      expect(await res.text()).toBe("check is not paused");
      expect(await getDb().flip.count()).toBe(0);
    });
  });
});
