// Group channels through the channels API and lib/channels: members must be non-group channels
// of the group's own project, on create and on update alike (Healthchecks' GroupForm offers
// only those), with a 400 naming the bad UUID and nothing saved.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { SYSTEM } from "../../lib/auth/actor";
import { createChannel } from "../../lib/channels/create-channel";
import { updateChannel } from "../../lib/channels/update-channel";
import { getDb } from "../../lib/db";
import { AppError } from "../../lib/errors";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, insertChannel, type Fixture } from "./fixtures";

forEachDatabase(() => {
  let fx: Fixture;
  beforeEach(async () => {
    await resetDatabase();
    fx = await createFixture();
  });

  const post = (body: unknown, path = "/api/v3/channels/") => call("POST", path, { key: fx.rwKey, body });
  const error = async (res: Response) => {
    expect(res.status).toBe(400);
    return ((await res.json()) as { error: string }).error;
  };
  const groups = () => getDb().channel.count({ where: { kind: "group" } });

  describe("creating a group through the API", () => {
    test("stores members that are channels of the project, and answers 201", async () => {
      const email = await insertChannel(fx.project.id);
      const webhook = await insertChannel(fx.project.id, { kind: "webhook", config: '{"url_down":"https://example.org"}' });
      const res = await post({ kind: "group", name: "On call", config: `${email.code},${webhook.code}` });
      expect(res.status).toBe(201);
      const doc = (await res.json()) as { id: string; name: string; kind: string };
      expect(doc).toMatchObject({ name: "On call", kind: "group" });
      const saved = await getDb().channel.findUniqueOrThrow({ where: { code: doc.id } });
      expect(JSON.parse(saved.config)).toEqual({ value: `${email.code},${webhook.code}` });
    });

    test("refuses another project's channel with a 400", async () => {
      const mine = await insertChannel(fx.project.id);
      const foreign = await insertChannel(fx.otherProject.id);
      expect(await error(await post({ kind: "group", config: `${mine.code},${foreign.code}` }))).toBe(
        `invalid group config: ${foreign.code} is not an integration of this project`,
      );
      expect(await groups()).toBe(0);
    });

    test("refuses an unknown channel UUID with a 400", async () => {
      const unknown = randomUUID();
      expect(await error(await post({ kind: "group", config: { value: unknown } }))).toBe(
        `invalid group config: ${unknown} is not an integration of this project`,
      );
      expect(await groups()).toBe(0);
    });

    test("refuses a group inside a group with a 400", async () => {
      const email = await insertChannel(fx.project.id);
      const inner = await insertChannel(fx.project.id, { kind: "group", config: JSON.stringify({ value: email.code }) });
      expect(await error(await post({ kind: "group", config: `${email.code},${inner.code}` }))).toBe(
        `invalid group config: ${inner.code} is a group, and a group cannot contain groups`,
      );
      expect(await groups()).toBe(1);
    });
  });

  describe("updating a group through the API", () => {
    test("validates the new members the same way and keeps the old config on a 400", async () => {
      const a = await insertChannel(fx.project.id);
      const b = await insertChannel(fx.project.id);
      const group = await insertChannel(fx.project.id, { kind: "group", config: JSON.stringify({ value: a.code }) });
      const path = `/api/v3/channels/${group.code}`;
      expect(await error(await post({ config: group.code }, path))).toBe(
        `invalid group config: ${group.code} is a group, and a group cannot contain groups`,
      );
      const foreign = await insertChannel(fx.otherProject.id);
      expect(await error(await post({ config: `${b.code},${foreign.code}` }, path))).toBe(
        `invalid group config: ${foreign.code} is not an integration of this project`,
      );
      expect(JSON.parse((await getDb().channel.findUniqueOrThrow({ where: { id: group.id } })).config)).toEqual({ value: a.code });

      expect((await post({ config: `${a.code},${b.code}` }, path)).status).toBe(200);
      expect(JSON.parse((await getDb().channel.findUniqueOrThrow({ where: { id: group.id } })).config)).toEqual({ value: `${a.code},${b.code}` });
    });

    test("renaming a group whose member was deleted since does not re-check the members", async () => {
      const a = await insertChannel(fx.project.id);
      const group = await insertChannel(fx.project.id, { kind: "group", config: JSON.stringify({ value: a.code }) });
      await getDb().channel.delete({ where: { id: a.id } });
      expect((await post({ name: "renamed" }, `/api/v3/channels/${group.code}`)).status).toBe(200);
    });
  });

  describe("lib/channels (used by the web forms too)", () => {
    test("createChannel and updateChannel throw a bad_request AppError for bad members", async () => {
      const a = await insertChannel(fx.project.id);
      const foreign = await insertChannel(fx.otherProject.id);
      const attempt = (fn: () => Promise<unknown>) =>
        fn().then(
          () => null,
          (err: unknown) => (err instanceof AppError ? [err.code, err.message] : err),
        );
      expect(await attempt(() => createChannel({ actor: SYSTEM, projectCode: fx.project.code, input: { kind: "group", config: foreign.code } }))).toEqual([
        "bad_request",
        `invalid group config: ${foreign.code} is not an integration of this project`,
      ]);
      const { channel: group } = await createChannel({ actor: SYSTEM, projectCode: fx.project.code, input: { kind: "group", config: a.code } });
      expect(await attempt(() => updateChannel({ actor: SYSTEM, channelCode: group.code, input: { config: `${a.code},${group.code}` } }))).toEqual([
        "bad_request",
        `invalid group config: ${group.code} is a group, and a group cannot contain groups`,
      ]);
      // Charlie's project may group its own channel, of course.
      const input = { kind: "group", config: foreign.code };
      expect((await createChannel({ actor: SYSTEM, projectCode: fx.otherProject.code, input })).channel.kind).toBe("group");
    });
  });
});
