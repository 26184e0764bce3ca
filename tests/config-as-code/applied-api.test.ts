// The management API additions config-as-code reads and writes: applied/ (what the last apply
// applied, per object) and v3's GET channels/<uuid> with the config.
import { beforeEach, describe, expect, test } from "vitest";
import { call, createFixture, insertChannel, type Fixture } from "../api/fixtures";
import { forEachDatabase, resetDatabase } from "../helpers/databases";

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  describe("applied/", () => {
    test("upserts and deletes objects, and lists them sorted with applied_at", async () => {
      const save = await call("POST", "/api/v3/applied/", {
        key: fx.rwKey,
        body: { objects: [{ kind: "check", name: "b", id: "u1", applied: { grace: 60 } }, { kind: "channel", name: "a", id: "u2", applied: { kind: "email" } }] },
      });
      expect([save.status, await save.json()]).toEqual([200, { saved: 2, deleted: 0 }]);
      const again = await call("POST", "/api/v3/applied", {
        key: fx.rwKey,
        body: { objects: [{ kind: "check", name: "b", id: "u1", applied: { grace: 120 } }, { kind: "channel", name: "a", delete: true }] },
      });
      expect(await again.json()).toEqual({ saved: 1, deleted: 1 });
      const list = await call("GET", "/api/v3/applied/", { key: fx.rwKey });
      expect(await list.json()).toEqual({
        objects: [{ kind: "check", name: "b", id: "u1", applied: { grace: 120 }, applied_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/) }],
      });
      // Another project's key sees its own (empty) list.
      expect(await (await call("GET", "/api/v3/applied/", { key: fx.otherKey })).json()).toEqual({ objects: [] });
    });

    test("writes need a read-write key, bad items are a 400 naming them, and only v3 has the route", async () => {
      expect((await call("POST", "/api/v3/applied/", { key: fx.roKey, body: { objects: [] } })).status).toBe(401);
      expect((await call("GET", "/api/v3/applied/")).status).toBe(401);
      // Read-only keys do not see it either: it holds channel settings.
      expect((await call("GET", "/api/v3/applied/", { key: fx.roKey })).status).toBe(401);
      const bad = await call("POST", "/api/v3/applied/", { key: fx.rwKey, body: { objects: [{ kind: "robot", name: "x", id: "y", applied: {} }] } });
      expect([bad.status, await bad.json()]).toEqual([400, { error: "objects[0].kind must be one of check, channel, status_page" }]);
      const notList = await call("POST", "/api/v3/applied/", { key: fx.rwKey, body: { objects: "x" } });
      expect(await notList.json()).toEqual({ error: "objects is not a list" });
      await expect(call("GET", "/api/v1/applied/", { key: fx.rwKey })).rejects.toThrow("no route");
    });
  });

  describe("GET channels/<uuid>", () => {
    test("answers the channel with its config to read-write keys of its project", async () => {
      const channel = await insertChannel(fx.project.id, { name: "Ops", config: '{"value":"ops@example.org","up":true,"down":true}' });
      const res = await call("GET", `/api/v3/channels/${channel.code}`, { key: fx.rwKey });
      expect(await res.json()).toEqual({ id: channel.code, name: "Ops", kind: "email", config: { value: "ops@example.org", up: true, down: true }, notify_degraded: false });
      expect((await call("GET", `/api/v3/channels/${channel.code}`, { key: fx.roKey })).status).toBe(401);
      expect((await call("GET", `/api/v3/channels/${channel.code}`, { key: fx.otherKey })).status).toBe(403);
      expect((await call("GET", `/api/v3/channels/${crypto.randomUUID()}`, { key: fx.rwKey })).status).toBe(404);
      // v1 and v2 keep Healthchecks' routes: no GET there.
      expect((await call("GET", `/api/v1/channels/${channel.code}`, { key: fx.rwKey })).status).toBe(405);
      expect((await call("POST", `/api/v3/channels/${channel.code}`, { key: fx.rwKey, body: { name: "Ops 2" } })).status).toBe(200);
    });
  });
});
