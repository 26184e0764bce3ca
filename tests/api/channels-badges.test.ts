import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertChannel, insertCheck, type Fixture } from "./fixtures";

const WEBHOOK = { url_down: "https://example.org/down", method_down: "POST", body_down: "$NAME is $STATUS" };

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  const post = (path: string, body: unknown, key = fx.rwKey) => call("POST", path, { key, body });

  describe("listing channels", () => {
    test("lists the project's channels as id, name and kind", async () => {
      const a = await insertChannel(fx.project.id, { name: "Ops mail" });
      await insertChannel(fx.otherProject.id, { name: "theirs" });
      const res = await call("GET", "/api/v3/channels/", { key: fx.rwKey });
      expect(res.status).toBe(200);
      const doc = await res.json();
      expect(doc).toEqual({ channels: [{ id: a.code, name: "Ops mail", kind: "email" }] });
      expect(Object.keys(doc.channels[0])).toEqual(["id", "name", "kind"]);
    });
  });

  describe("creating channels", () => {
    test("creates a webhook channel with defaults filled in and answers 201", async () => {
      const res = await post("/api/v3/channels/", { kind: "webhook", name: "Hook", config: WEBHOOK });
      expect(res.status).toBe(201);
      const doc = await res.json();
      expect(Object.keys(doc)).toEqual(["id", "name", "kind"]);
      expect(doc).toMatchObject({ name: "Hook", kind: "webhook" });
      const row = await getDb().channel.findUniqueOrThrow({ where: { code: doc.id } });
      expect(JSON.parse(row.config)).toEqual({
        method_down: "POST",
        url_down: "https://example.org/down",
        body_down: "$NAME is $STATUS",
        headers_down: {},
        method_up: "GET",
        url_up: "",
        body_up: "",
        headers_up: {},
      });
      expect(await getDb().channelCheck.count({ where: { channelId: row.id } })).toBe(0);
    });

    test("creates an email channel, verified only for the owner's own address", async () => {
      const own = await (await post("/api/v3/channels/", { kind: "email", config: { value: "alice@example.org" } })).json();
      const other = await (await post("/api/v3/channels/", { kind: "email", config: { value: "ops@example.org", up: false } })).json();
      const ownRow = await getDb().channel.findUniqueOrThrow({ where: { code: own.id } });
      const otherRow = await getDb().channel.findUniqueOrThrow({ where: { code: other.id } });
      expect(ownRow.emailVerified).toBe(true);
      expect(otherRow.emailVerified).toBe(false);
      expect(JSON.parse(otherRow.config)).toEqual({ value: "ops@example.org", up: false, down: true });
    });

    test("attaches the new channel to all checks or to the listed ones", async () => {
      const c1 = await insertCheck(fx.project.id);
      const c2 = await insertCheck(fx.project.id);
      const all = await (await post("/api/v3/channels/", { kind: "webhook", config: WEBHOOK, checks: "*" })).json();
      const one = await (await post("/api/v3/channels/", { kind: "webhook", config: WEBHOOK, checks: c2.code })).json();
      const links = async (code: string) =>
        (await getDb().channelCheck.findMany({ where: { channel: { code } }, orderBy: { checkId: "asc" } })).map((l) => l.checkId);
      expect(await links(all.id)).toEqual([c1.id, c2.id]);
      expect(await links(one.id)).toEqual([c2.id]);
      const check = await (await call("GET", `/api/v3/checks/${c2.code}`, { key: fx.rwKey })).json();
      expect(check.channels).toBe([all.id, one.id].sort().join(","));
    });

    test.each([
      [{ config: WEBHOOK }, "json validation error: kind is missing"],
      [{ kind: "webhook" }, "json validation error: config is missing"],
      [{ kind: 1, config: {} }, "json validation error: kind is not a string"],
      [{ kind: "webhook", name: "x".repeat(101), config: WEBHOOK }, "json validation error: name is too long"],
      [{ kind: "carrier-pigeon", config: {} }, "unsupported channel kind: carrier-pigeon"],
      [{ kind: "email", config: "alice@example.org" }, "invalid email config: config must be an object"],
      [{ kind: "email", config: { value: "nope" } }, "invalid email config: value must be an email address"],
      [{ kind: "email", config: { value: "a@example.org", up: "yes" } }, "invalid email config: up must be a boolean"],
      [{ kind: "email", config: { value: "a@example.org", cc: "b" } }, "invalid email config: unexpected key cc"],
      [{ kind: "webhook", config: {} }, "invalid webhook config: config needs url_down or url_up"],
      [{ kind: "webhook", config: { url_down: "ftp://x.org" } }, "invalid webhook config: url_down must be an http or https URL"],
      [{ kind: "webhook", config: { url_up: "https://x.org/" + "a".repeat(1000) } }, "invalid webhook config: url_up must be at most 1000 characters"],
      [{ kind: "webhook", config: { ...WEBHOOK, method_down: "PATCH" } }, "invalid webhook config: method_down must be GET, POST or PUT"],
      [{ kind: "webhook", config: { ...WEBHOOK, body_down: "x".repeat(1001) } }, "invalid webhook config: body_down must be at most 1000 characters"],
      [{ kind: "webhook", config: { ...WEBHOOK, headers_down: ["X: y"] } }, "invalid webhook config: headers_down must be an object"],
      [{ kind: "webhook", config: { ...WEBHOOK, headers_up: { "Bad Name": "v" } } }, "invalid webhook config: headers_up has an invalid header name: Bad Name"],
      [{ kind: "webhook", config: { ...WEBHOOK, headers_up: { "X-A": "a\nb" } } }, "invalid webhook config: headers_up header X-A contains a line break"],
      [{ kind: "webhook", config: WEBHOOK, checks: "nope" }, "invalid check identifier: nope"],
      [{ kind: "webhook", config: WEBHOOK, checks: "," }, "empty check identifier"],
    ])("rejects %j with 400", async (body, error) => {
      const res = await post("/api/v3/channels/", body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error });
      expect(await getDb().channel.count({ where: { projectId: fx.project.id } })).toBe(0);
    });

    test("refuses webhooks when WEBHOOKS_ENABLED=False", async () => {
      setEnv({ WEBHOOKS_ENABLED: "False" });
      try {
        const res = await post("/api/v3/channels/", { kind: "webhook", config: WEBHOOK });
        expect(await res.json()).toEqual({ error: "webhook integrations are disabled" });
      } finally {
        setEnv({ WEBHOOKS_ENABLED: undefined });
      }
    });

    test("refuses read-only keys", async () => {
      expect((await post("/api/v3/channels/", { kind: "webhook", config: WEBHOOK }, fx.roKey)).status).toBe(401);
    });
  });

  describe("updating and deleting channels", () => {
    test("renames, reconfigures and reattaches a channel", async () => {
      const check = await insertCheck(fx.project.id);
      const { id } = await (await post("/api/v3/channels/", { kind: "webhook", config: WEBHOOK })).json();
      const res = await post(`/api/v3/channels/${id}`, {
        name: "Renamed",
        config: { url_up: "https://example.org/up" },
        checks: "*",
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id, name: "Renamed", kind: "webhook" });
      const row = await getDb().channel.findUniqueOrThrow({ where: { code: id } });
      expect(JSON.parse(row.config)).toMatchObject({ url_down: "", url_up: "https://example.org/up" });
      expect(await getDb().channelCheck.count({ where: { channelId: row.id, checkId: check.id } })).toBe(1);
      await post(`/api/v3/channels/${id}`, { checks: "" });
      expect(await getDb().channelCheck.count({ where: { channelId: row.id } })).toBe(0);
    });

    test("leaves a channel unchanged when its new config is invalid", async () => {
      const { id } = await (await post("/api/v3/channels/", { kind: "webhook", name: "keep", config: WEBHOOK })).json();
      const res = await post(`/api/v3/channels/${id}`, { name: "changed", config: { url_down: "nope" } });
      expect(res.status).toBe(400);
      expect((await getDb().channel.findUniqueOrThrow({ where: { code: id } })).name).toBe("keep");
    });

    test("refuses to change a channel's kind", async () => {
      const { id } = await (await post("/api/v3/channels/", { kind: "webhook", config: WEBHOOK })).json();
      const res = await post(`/api/v3/channels/${id}`, { kind: "email", config: { value: "a@example.org" } });
      expect(await res.json()).toEqual({ error: "the kind of a channel cannot be changed" });
    });

    test("deletes a channel and detaches it from its checks", async () => {
      const check = await insertCheck(fx.project.id);
      const { id } = await (await post("/api/v3/channels/", { kind: "webhook", config: WEBHOOK, checks: "*" })).json();
      const res = await call("DELETE", `/api/v3/channels/${id}`, { key: fx.rwKey });
      expect(res.status).toBe(200);
      expect((await res.json()).id).toBe(id);
      expect(await getDb().channel.count({ where: { code: id } })).toBe(0);
      expect(await getDb().channelCheck.count({ where: { checkId: check.id } })).toBe(0);
      expect(await getDb().check.count({ where: { id: check.id } })).toBe(1);
      expect((await call("DELETE", `/api/v3/channels/${id}`, { key: fx.rwKey })).status).toBe(404);
    });

    test("answers 403 for another project's channel and 404 for an unknown one", async () => {
      const theirs = await insertChannel(fx.otherProject.id);
      expect((await post(`/api/v3/channels/${theirs.code}`, { name: "mine" })).status).toBe(403);
      expect((await call("DELETE", `/api/v3/channels/${theirs.code}`, { key: fx.rwKey })).status).toBe(403);
      expect((await post(`/api/v3/channels/${crypto.randomUUID()}`, { name: "x" })).status).toBe(404);
    });
  });

  describe("badges", () => {
    test("lists six badge URLs per tag and for all checks", async () => {
      await getDb().project.update({ where: { id: fx.project.id }, data: { badgeKey: "badgekey123" } });
      await insertCheck(fx.project.id, { tags: "prod  db" });
      await insertCheck(fx.project.id, { tags: "prod" });
      const res = await call("GET", "/api/v3/badges/", { key: fx.roKey });
      expect(res.status).toBe(200);
      const { badges } = await res.json();
      expect(Object.keys(badges)).toEqual(["db", "prod", "*"]);
      // Signatures computed with Django's base64_hmac and SECRET_KEY=test-secret-key.
      const root = "http://localhost:8000/badge/badgekey123";
      expect(badges.prod).toEqual({
        svg: `${root}/86zE0M7F-2/prod.svg`,
        svg3: `${root}/86zE0M7F/prod.svg`,
        json: `${root}/86zE0M7F-2/prod.json`,
        json3: `${root}/86zE0M7F/prod.json`,
        shields: `${root}/86zE0M7F-2/prod.shields`,
        shields3: `${root}/86zE0M7F/prod.shields`,
      });
      expect(badges["*"].svg).toBe(`${root}/EGYnR8W5-2.svg`);
      expect(badges["*"].json3).toBe(`${root}/EGYnR8W5.json`);
    });
  });
});
