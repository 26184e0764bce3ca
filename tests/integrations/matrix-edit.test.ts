// Creating a Matrix channel through the API, and editing its room (the web edit page through
// editChannel, the channels API through updateChannel): the bot joins the room first, as on
// setup, against a loopback homeserver stand-in; when it cannot, the error says so and
// nothing changes.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getDb, type Channel } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { AppError } from "../../lib/errors";
import { SYSTEM } from "../../lib/auth/actor";
import { createApiKey } from "../../lib/projects/create-api-key";
import { call } from "../api/fixtures";
import { forEachDatabase } from "../helpers/databases";
import { respondWith, useChatFixture } from "../helpers/chat";
import { editChannel } from "./helpers";

const JOIN_ERROR = "The bot could not join the room (Received status code 403). Invite @vigil:example.org and try again.";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    let channel: Channel;
    let key: string;
    beforeAll(() => {
      setEnv({ MATRIX_HOMESERVER: `${fx.sink.url}/hs`, MATRIX_USER_ID: "@vigil:example.org", MATRIX_ACCESS_TOKEN: "syt_secret" });
    });
    afterAll(() => {
      setEnv({ MATRIX_HOMESERVER: undefined, MATRIX_USER_ID: undefined, MATRIX_ACCESS_TOKEN: undefined });
    });
    beforeEach(async () => {
      channel = await fx.addChannel("matrix", { value: "!old:example.org" });
      key = await createApiKey({ actor: SYSTEM, projectCode: fx.project.code, readOnly: false });
      fx.sink.respond = (_req, res) => res.end(JSON.stringify({ room_id: "!new:example.org" }));
    });

    const storedRoom = async () => (JSON.parse((await fx.reload(channel)).config) as { value: string }).value;
    const update = (body: unknown) => call("POST", `/api/v3/channels/${channel.code}`, { key, body });

    describe("editing a matrix channel's room", () => {
      test("through the API joins the new room and stores the room id the homeserver resolved", async () => {
        const res = await update({ config: "#new:example.org" });
        expect(res.status).toBe(200);
        const req = fx.onlyRequest();
        expect([req.method, req.url, req.headers.authorization]).toEqual(["POST", "/hs/_matrix/client/v3/join/%23new%3Aexample.org", "Bearer syt_secret"]);
        expect(await storedRoom()).toBe("!new:example.org");
      });

      test("through the API, a room the bot cannot join is a 400 and the old room stays", async () => {
        respondWith(fx.sink, 403, JSON.stringify({ errcode: "M_FORBIDDEN" }));
        const res = await update({ config: { value: "!private:example.org" }, name: "renamed" });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: JOIN_ERROR });
        const reloaded = await fx.reload(channel);
        expect(JSON.parse(reloaded.config)).toEqual({ value: "!old:example.org" });
        expect(reloaded.name).toBe("");
      });

      test("an unchanged room, or a change of name only, does not ask the homeserver", async () => {
        expect((await update({ config: "!old:example.org", name: "Ops room" })).status).toBe(200);
        expect((await update({ name: "Ops" })).status).toBe(200);
        expect(fx.sink.requests).toHaveLength(0);
        expect(await storedRoom()).toBe("!old:example.org");
      });

      test("from the web edit page joins the new room, and re-enables the channel", async () => {
        await getDb().channel.update({ where: { id: channel.id }, data: { disabled: true } });
        const { channel: saved } = await editChannel(fx.ownerId, channel.code, { name: "Ops", config: { value: "#new:example.org" } });
        expect(fx.onlyRequest().url).toBe("/hs/_matrix/client/v3/join/%23new%3Aexample.org");
        expect(JSON.parse(saved.config)).toEqual({ value: "!new:example.org" });
        expect(saved.disabled).toBe(false);
      });

      test("from the web edit page, a join failure is a clear error and nothing is saved", async () => {
        respondWith(fx.sink, 403, JSON.stringify({ errcode: "M_FORBIDDEN" }));
        const err = await editChannel(fx.ownerId, channel.code, { name: "Ops", config: { value: "!private:example.org" } }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect([(err as AppError).code, (err as AppError).message]).toEqual(["bad_request", JOIN_ERROR]);
        const reloaded = await fx.reload(channel);
        expect([reloaded.name, JSON.parse(reloaded.config)]).toEqual(["", { value: "!old:example.org" }]);
      });
    });

    describe("creating a matrix channel through the API", () => {
      const create = (config: unknown) => call("POST", "/api/v3/channels/", { key, body: { kind: "matrix", config } });

      test("joins the room and stores the room id the homeserver resolved", async () => {
        const res = await create({ value: "#ops:example.org" });
        expect(res.status).toBe(201);
        expect(fx.onlyRequest().url).toBe("/hs/_matrix/client/v3/join/%23ops%3Aexample.org");
        const { id } = (await res.json()) as { id: string };
        const created = await getDb().channel.findUniqueOrThrow({ where: { code: id } });
        expect(JSON.parse(created.config)).toEqual({ value: "!new:example.org" });
      });

      test("a room the bot cannot join is a 400 and no channel is created", async () => {
        respondWith(fx.sink, 403, JSON.stringify({ errcode: "M_FORBIDDEN" }));
        const before = await getDb().channel.count();
        const res = await create("!private:example.org");
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: JOIN_ERROR });
        expect(await getDb().channel.count()).toBe(before);
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
