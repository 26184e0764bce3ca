// notify_degraded through the channels API: accepted on create and update, shown only when on,
// so every other channel keeps Healthchecks' {"id", "name", "kind"}.
import { beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, type Fixture } from "../api/fixtures";

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });
  const email = { kind: "email", config: { value: "alice@example.org" } };

  test("a channel created with notify_degraded shows it; one without keeps Healthchecks' keys", async () => {
    const plain = await call("POST", "/api/v3/channels/", { key: fx.rwKey, body: email });
    expect(Object.keys(await plain.json())).toEqual(["id", "name", "kind"]);
    const opted = await call("POST", "/api/v3/channels/", { key: fx.rwKey, body: { ...email, notify_degraded: true } });
    expect(opted.status).toBe(201);
    const json = await opted.json();
    expect(json).toMatchObject({ kind: "email", notify_degraded: true });
    expect((await getDb().channel.findUniqueOrThrow({ where: { code: json.id } })).notifyDegraded).toBe(true);
    const list = await (await call("GET", "/api/v3/channels/", { key: fx.rwKey })).json();
    expect(list.channels.map((c: Record<string, unknown>) => c.notify_degraded ?? false)).toEqual([false, true]);
  });

  test("an update turns it on and off", async () => {
    const { id } = await (await call("POST", "/api/v3/channels/", { key: fx.rwKey, body: email })).json();
    expect(await (await call("POST", `/api/v3/channels/${id}`, { key: fx.rwKey, body: { notify_degraded: true } })).json()).toMatchObject({ notify_degraded: true });
    const off = await (await call("POST", `/api/v3/channels/${id}`, { key: fx.rwKey, body: { notify_degraded: false } })).json();
    expect(Object.keys(off)).toEqual(["id", "name", "kind"]);
  });

  test("a value that is not a boolean is a 400", async () => {
    const res = await call("POST", "/api/v3/channels/", { key: fx.rwKey, body: { ...email, notify_degraded: "yes" } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "json validation error: notify_degraded is not a boolean" });
  });
});
