import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setEnv } from "../../env";
import { joinMatrixRoom } from "./join-room";
import { userActor } from "../../auth/actor";
import { sendTestNotification } from "../../channels/send-test-notification";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../../tests/helpers/chat";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeAll(() => {
      setEnv({ MATRIX_HOMESERVER: `${fx.sink.url}/hs`, MATRIX_USER_ID: "@vigil:example.org", MATRIX_ACCESS_TOKEN: "syt_secret" });
    });
    afterAll(() => {
      setEnv({ MATRIX_HOMESERVER: undefined, MATRIX_USER_ID: undefined, MATRIX_ACCESS_TOKEN: undefined });
    });

    describe("matrix", () => {
      test("PUTs an m.text message with plain and HTML bodies to the room, with a fresh transaction id", async () => {
        await fx.addChannel("matrix", { value: "!room:example.org" });
        const report = await fx.deliverDown("fail", { desc: "", tags: "" });
        expect(report.deliveries).toMatchObject([{ kind: "matrix", error: "" }]);
        const req = fx.onlyRequest();
        expect(req.method).toBe("PUT");
        const prefix = "/hs/_matrix/client/v3/rooms/!room%3Aexample.org/send/m.room.message/";
        expect(req.url.startsWith(prefix)).toBe(true);
        expect(req.url.slice(prefix.length)).toMatch(UUID);
        expect(req.headers.authorization).toBe("Bearer syt_secret");
        expect(req.json).toEqual({
          msgtype: "m.text",
          body: [
            "“DB Backup” is DOWN",
            "",
            "The check “DB Backup” is DOWN (received a failure signal).",
            "",
            "Project: Alice's Project",
            "Period: 1 hour",
            "Total Pings: 0",
            "Last Ping: Never",
            "",
            "All the other checks are up.",
          ].join("\n"),
          format: "org.matrix.custom.html",
          formatted_body: [
            "<b>“DB Backup” is DOWN</b><br>",
            "The check “DB Backup” is DOWN (received a failure signal).<br>",
            "<br>",
            "<b>Project:</b> Alice&#x27;s Project<br>",
            "<b>Period:</b> 1 hour<br>",
            "<b>Total Pings:</b> 0<br>",
            "<b>Last Ping:</b> Never<br>",
            "<br>",
            "All the other checks are up.",
          ].join("\n"),
        });
      });

      test("escapes the check's name in the HTML body", async () => {
        await fx.addChannel("matrix", { value: "!room:example.org" });
        await fx.deliverDown("timeout", { name: "<b>x</b> & y" });
        const json = fx.onlyRequest().json as { body: string; formatted_body: string };
        expect(json.body).toContain("“<b>x</b> & y” is DOWN");
        expect(json.formatted_body).toContain("&lt;b&gt;x&lt;/b&gt; &amp; y");
        expect(json.formatted_body).not.toContain("<b>x</b>");
      });

      test("a 403 (the bot is not in the room) disables the channel; a 500 does not", async () => {
        const channel = await fx.addChannel("matrix", { value: "!room:example.org" });
        respondWith(fx.sink, 500);
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Received status code 500");
        expect((await fx.reload(channel)).disabled).toBe(false);
        respondWith(fx.sink, 403, JSON.stringify({ errcode: "M_FORBIDDEN" }));
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Received status code 403");
        expect((await fx.reload(channel)).disabled).toBe(true);
      });

      test("“Send test notification” works", async () => {
        const channel = await fx.addChannel("matrix", { value: "!room:example.org" });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect((fx.onlyRequest().json as { body: string }).body).toMatch(/^“TEST” is DOWN/);
      });

      test("setting up from the web page joins the bot to the room and stores the room id", async () => {
        fx.sink.respond = (_req, res) => res.end(JSON.stringify({ room_id: "!abc:example.org" }));
        expect(await joinMatrixRoom("#ops:example.org")).toEqual({ roomId: "!abc:example.org" });
        const req = fx.onlyRequest();
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/hs/_matrix/client/v3/join/%23ops%3Aexample.org");
        expect(req.headers.authorization).toBe("Bearer syt_secret");
        expect(req.json).toEqual({});
      });

      test("a room the bot cannot join is reported on the form", async () => {
        respondWith(fx.sink, 403, JSON.stringify({ errcode: "M_FORBIDDEN" }));
        expect(await joinMatrixRoom("!private:example.org")).toEqual({
          error: "The bot could not join the room (Received status code 403). Invite @vigil:example.org and try again.",
        });
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
