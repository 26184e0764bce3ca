import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { getDb } from "../../db";
import { userActor } from "../../auth/actor";
import { sendTestNotification } from "../../channels/send-test-notification";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { useChatFixture } from "../../../tests/helpers/chat";
import { createChannel } from "../../../tests/helpers/alerts";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    // Members are not attached to the check: they are reached only through the group.
    const member = (path: string, extra: Record<string, unknown> = {}) =>
      createChannel(fx.project.id, "ntfy", { topic: path, url: `${fx.sink.url}/ntfy`, priority: 3, priority_up: 3, token: "", ...extra }, []);
    const notifications = async (channelId: number) =>
      (await getDb().notification.findMany({ where: { channelId } })).map((n) => ({ error: n.error, checkId: n.checkId }));

    describe("group", () => {
      test("passes a flip on to its member channels, each with its own notification", async () => {
        const a = await member("a");
        const b = await member("b");
        const group = await fx.addChannel("group", { value: `${a.code},${b.code}` });
        const report = await fx.deliverDown("fail");
        expect(report.deliveries).toMatchObject([{ kind: "group", channelCode: group.code, error: "" }]);
        expect(fx.sink.requests.map((r) => [r.method, r.url, (JSON.parse(r.body.toString()) as { topic: string }).topic])).toEqual([
          ["POST", "/ntfy", "a"],
          ["POST", "/ntfy", "b"],
        ]);
        expect(await notifications(a.id)).toEqual([{ error: "", checkId: fx.check.id }]);
        expect(await notifications(b.id)).toEqual([{ error: "", checkId: fx.check.id }]);
      });

      test("reports how many members failed, and records each member's own error", async () => {
        const a = await member("a");
        const b = await member("b");
        const group = await fx.addChannel("group", { value: `${a.code},${b.code}` });
        fx.sink.respond = (req, res) => {
          res.statusCode = req.body.toString().includes('"topic":"b"') ? 500 : 200;
          res.end();
        };
        expect((await fx.deliverDown()).deliveries).toMatchObject([{ kind: "group", error: "1 out of 2 notifications failed" }]);
        expect((await fx.reload(b)).lastError).toBe("Received status code 500");
        expect((await fx.reload(a)).lastError).toBe("");
        expect((await fx.reload(group)).disabled).toBe(false);
      });

      test("skips itself, other groups, disabled members, no-op members and other projects' channels", async () => {
        const a = await member("a");
        const quiet = await member("quiet", { priority: 0 });
        const off = await createChannel(fx.project.id, "ntfy", { topic: "off", url: `${fx.sink.url}/ntfy` }, [], { disabled: true });
        const other = await getDb().project.findFirstOrThrow({ where: { name: "Charlie's Project" } });
        const foreign = await createChannel(other.id, "ntfy", { topic: "foreign", url: `${fx.sink.url}/ntfy` }, []);
        const inner = await createChannel(fx.project.id, "group", { value: a.code }, []);
        const group = await fx.addChannel("group", { value: a.code });
        const codes = [group.code, inner.code, a.code, quiet.code, off.code, foreign.code, randomUUID()].join(",");
        await getDb().channel.update({ where: { id: group.id }, data: { config: JSON.stringify({ value: codes }) } });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "group", error: "" }]);
        expect(fx.sink.requests.map((r) => (JSON.parse(r.body.toString()) as { topic: string }).topic)).toEqual(["a"]);
      });

      test("“Send test notification” reaches the members", async () => {
        const a = await member("a");
        const group = await fx.addChannel("group", { value: a.code });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: group.code })).toEqual({ status: "down", error: "" });
        expect((JSON.parse(fx.onlyRequest().body.toString()) as { title: string }).title).toBe("“TEST” is DOWN");
      });
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
