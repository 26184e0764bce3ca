import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { setEnv } from "../env";
import { getUniqueKey } from "../checks/to-dict";
import { userActor } from "../auth/actor";
import { sendTestNotification } from "../channels/send-test-notification";
import { forEachDatabase } from "../../tests/helpers/databases";
import { respondWith, useChatFixture } from "../../tests/helpers/chat";
import { createCheck } from "../../tests/fixtures";

const USER_KEY = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeEach(() => {
      setEnv({ PUSHOVER_API_URL: fx.sink.url, PUSHOVER_API_TOKEN: "app-token" });
    });
    afterAll(() => {
      setEnv({ PUSHOVER_API_URL: undefined, PUSHOVER_API_TOKEN: undefined });
    });
    const form = (i = 0) => Object.fromEntries(new URLSearchParams(fx.sink.requests[i].body.toString("utf8")));

    describe("po (Pushover)", () => {
      test("form-posts a down flip to messages.json with the check's unique key as tag", async () => {
        await fx.addChannel("po", { value: `${USER_KEY}|1|0` });
        await fx.addPing(3, 7_300_000, { body: "<secret body>" });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "po", error: "" }]);

        expect(fx.sink.requests).toHaveLength(1);
        const [req] = fx.sink.requests;
        expect(req.method).toBe("POST");
        expect(req.url).toBe("/1/messages.json");
        expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
        expect(form()).toEqual({
          token: "app-token",
          user: USER_KEY,
          title: "🔴 “DB Backup” is DOWN",
          message: [
            "The check “DB Backup” is DOWN (success signal did not arrive on time, grace time passed).",
            "",
            "<b>Description:</b> Nightly dump\nof the main DB",
            "<b>Project:</b> Alice&#x27;s Project",
            "<b>Tags:</b> prod db",
            "<b>Period:</b> 1 hour",
            "<b>Total Pings:</b> 3",
            "<b>Last Ping:</b> Success, 2 hours ago",
            "",
            "All the other checks are up.",
          ].join("\n"),
          html: "1",
          priority: "1",
          tags: getUniqueKey(fx.check.code),
          url: fx.cloakedUrl,
          url_title: "View on Vigil",
        });
      });

      test("emergency priority adds retry/expire; the recovery first cancels it by tag", async () => {
        setEnv({ PUSHOVER_EMERGENCY_RETRY_DELAY: "60", PUSHOVER_EMERGENCY_EXPIRATION: "3600" });
        try {
          await fx.addChannel("po", `${USER_KEY}|2|-1`);
          await fx.deliverDown();
          expect(form(0)).toMatchObject({ priority: "2", retry: "60", expire: "3600" });

          await fx.deliverUpAfterDowntime();
          expect(fx.sink.requests.map((r) => r.url)).toEqual([
            "/1/messages.json",
            `/1/receipts/cancel_by_tag/${getUniqueKey(fx.check.code)}.json`,
            "/1/messages.json",
          ]);
          expect(form(1)).toEqual({ token: "app-token" });
          expect(form(2)).toMatchObject({ priority: "-1", title: "🟢 “DB Backup” is UP" });
          expect(form(2)).not.toHaveProperty("retry");
          expect(form(2).message).toMatch(/^The check “DB Backup” is UP\. The downtime lasted /);
        } finally {
          setEnv({ PUSHOVER_EMERGENCY_RETRY_DELAY: undefined, PUSHOVER_EMERGENCY_EXPIRATION: undefined });
        }
      });

      test("lists the project's other down checks, or just their number above 10", async () => {
        await fx.addChannel("po", `${USER_KEY}|0|0`);
        await createCheck(fx.project.id, { name: "<Web> & API", status: "down", lastPing: new Date(Date.now() - 3 * 60_000) });
        await createCheck(fx.project.id, { name: "", status: "down" });
        await createCheck(fx.project.id, { name: "Healthy", status: "up" });
        await fx.deliverDown();
        const lines = form(0).message.split("\n");
        expect(lines.slice(-3)).toEqual([
          "<b>The following checks are also down:</b>",
          "• &lt;Web&gt; &amp; API (last ping 3 minutes ago)",
          expect.stringMatching(/^• [0-9a-f-]{36} \(never pinged\)$/),
        ]);

        for (let i = 0; i < 10; i++) await createCheck(fx.project.id, { status: "down" });
        await fx.deliverDown();
        expect(form(1).message.split("\n").at(-1)).toBe("12 other checks are also down.");
      });

      test("priority -3 turns an event off", async () => {
        await fx.addChannel("po", { value: `${USER_KEY}|-3|0` });
        expect((await fx.deliverDown()).deliveries).toEqual([]);
        await fx.deliverUpAfterDowntime();
        expect(form(0)).toMatchObject({ priority: "0" });
      });

      test("a 400 with user: invalid disables the channel; other errors do not", async () => {
        respondWith(fx.sink, 400, JSON.stringify({ user: "invalid", errors: ["user identifier is invalid"], status: 0 }));
        const channel = await fx.addChannel("po", `${USER_KEY}|0|0`);
        await fx.deliverDown();
        expect(await fx.reload(channel)).toMatchObject({ disabled: true, lastError: "Received status code 400 (invalid user key)" });
        expect(fx.sink.requests).toHaveLength(1);

        respondWith(fx.sink, 500);
        const other = await fx.addChannel("po", `${USER_KEY}|0|0`);
        await fx.deliverDown();
        expect(await fx.reload(other)).toMatchObject({ disabled: false, lastError: "Received status code 500" });
      });

      test("allows 6 messages a minute per user key", async () => {
        await fx.addChannel("po", `${USER_KEY}|0|0`);
        for (let i = 0; i < 6; i++) expect((await fx.deliverDown()).deliveries[0].error).toBe("");
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Rate limit exceeded");
        expect(fx.sink.requests).toHaveLength(6);
      });

      test("“Send test notification” works; without PUSHOVER_API_TOKEN nothing is sent", async () => {
        const channel = await fx.addChannel("po", `${USER_KEY}|0|0`);
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(form(0).title).toBe("🔴 “TEST” is DOWN");

        setEnv({ PUSHOVER_API_TOKEN: undefined });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Pushover notifications are not enabled.");
        expect(fx.sink.requests).toHaveLength(1);
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
