import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { userActor } from "../../lib/auth/actor";
import { sendTestNotification } from "../../lib/channels/send-test-notification";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { createChannel, startHttpSink, startSmtpSink, webhookConfig, type HttpSink, type SmtpSink } from "../helpers/alerts";
import { addChannel, createIntegrationFixtures } from "./helpers";

let http: HttpSink;
let smtp: SmtpSink;
beforeAll(async () => {
  [http, smtp] = await Promise.all([startHttpSink(), startSmtpSink()]);
});
afterAll(async () => {
  await Promise.all([http.close(), smtp.close()]);
});

forEachDatabase(
  () => {
    let f: Awaited<ReturnType<typeof createIntegrationFixtures>>;

    beforeAll(() => {
      setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(smtp.port), EMAIL_USE_TLS: "False", SITE_NAME: "Vigil Test" });
    });
    beforeEach(async () => {
      await resetDatabase();
      http.requests.length = 0;
      http.respond = (_req, res) => res.end("OK");
      smtp.messages.length = 0;
      smtp.raw.length = 0;
      f = await createIntegrationFixtures();
    });

    test("a webhook test goes through the real transport and is recorded as a test notification", async () => {
      const config = webhookConfig(`${http.url}/down/$NAME/$STATUS?code=$CODE`, "", {
        method_down: "POST",
        body_down: '{"name": $NAME_JSON, "exit": $EXITSTATUS}',
        headers_down: { "X-Check": "$NAME" },
      });
      const { channel } = await addChannel(f.bob.id, f.project.code, { kind: "webhook", config });
      const result = await sendTestNotification({ actor: userActor(f.bob.id), channelCode: channel.code });
      expect(result).toEqual({ status: "down", error: "" });

      expect(http.requests).toHaveLength(1);
      const [req] = http.requests;
      expect(req.method).toBe("POST");
      expect(req.url).toMatch(/^\/down\/TEST\/down\?code=[0-9a-f-]{36}$/);
      expect(req.body.toString()).toBe('{"name": "TEST", "exit": -1}');
      expect(req.headers["x-check"]).toBe("TEST");

      const notifications = await getDb().notification.findMany({ where: { channelId: channel.id } });
      expect(notifications).toMatchObject([{ checkId: null, checkStatus: "down", error: "" }]);
      const after = await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } });
      expect(after.lastError).toBe("");
      expect(after.lastNotify).toBeInstanceOf(Date);
      // Tests never touch the real checks' flips or notifications.
      expect(await getDb().flip.count()).toBe(0);
    });

    test("a failing webhook reports the error once, without retrying, and keeps only the latest test row", async () => {
      http.respond = (_req, res) => {
        res.statusCode = 500;
        res.end("nope");
      };
      const { channel } = await addChannel(f.alice.id, f.project.code, { kind: "webhook", config: webhookConfig(`${http.url}/hook`) });
      expect(await sendTestNotification({ actor: userActor(f.alice.id), channelCode: channel.code })).toEqual({ status: "down", error: "Received status code 500" });
      expect(http.requests).toHaveLength(1);
      expect(await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({
        lastError: "Received status code 500",
        disabled: false,
      });

      http.respond = (_req, res) => res.end("OK");
      expect((await sendTestNotification({ actor: userActor(f.alice.id), channelCode: channel.code })).error).toBe("");
      const rows = await getDb().notification.findMany({ where: { channelId: channel.id } });
      expect(rows).toMatchObject([{ checkId: null, error: "" }]);
      expect((await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).lastError).toBe("");
    });

    test("a webhook with only an up URL gets an up test", async () => {
      const { channel } = await addChannel(f.alice.id, f.project.code, { kind: "webhook", config: webhookConfig("", `${http.url}/up/$STATUS`) });
      expect(await sendTestNotification({ actor: userActor(f.alice.id), channelCode: channel.code })).toEqual({ status: "up", error: "" });
      expect(http.requests[0].url).toBe("/up/up");
    });

    test("an email test is delivered to the SMTP sink", async () => {
      const { channel } = await addChannel(f.alice.id, f.project.code, { kind: "email", config: { value: "alice@example.org", up: true, down: true } });
      expect(await sendTestNotification({ actor: userActor(f.alice.id), channelCode: channel.code })).toEqual({ status: "down", error: "" });
      await smtp.waitForMessages(1);
      expect(smtp.messages[0].subject).toBe("DOWN | TEST");
      expect(smtp.messages[0].text).toContain('The check "TEST" is DOWN (received a failure signal).');
      expect(smtp.messages[0].text).toContain("Total Pings: 42");
    });

    test("an up-only email channel gets an UP test; one with no events reports it", async () => {
      const upOnly = await addChannel(f.alice.id, f.project.code, { kind: "email", config: { value: "alice@example.org", up: true, down: false } });
      expect(await sendTestNotification({ actor: userActor(f.alice.id), channelCode: upOnly.channel.code })).toEqual({ status: "up", error: "" });
      await smtp.waitForMessages(1);
      expect(smtp.messages[0].subject).toBe("UP | TEST");

      const none = await addChannel(f.alice.id, f.project.code, { kind: "email", config: { value: "alice@example.org", up: false, down: false } });
      expect((await sendTestNotification({ actor: userActor(f.alice.id), channelCode: none.channel.code })).error).toMatch(/neither down nor up/);
      expect(await getDb().notification.count({ where: { channelId: none.channel.id } })).toBe(0);
    });

    test("an unconfirmed email channel reports that it is not verified", async () => {
      const { channel } = await addChannel(f.alice.id, f.project.code, { kind: "email", config: { value: "ops@example.org" } });
      await smtp.waitForMessages(1);
      expect((await sendTestNotification({ actor: userActor(f.alice.id), channelCode: channel.code })).error).toBe("Email not verified");
      expect(smtp.messages).toHaveLength(1);
      expect((await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).lastError).toBe("Email not verified");
    });

    test("a kind without a transport is reported as unsupported", async () => {
      const channel = await createChannel(f.project.id, "carrier-pigeon", { value: "coo" }, []);
      expect((await sendTestNotification({ actor: userActor(f.alice.id), channelCode: channel.code })).error).toBe('Integration "carrier-pigeon" is not supported');
    });
  },
  { INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" },
);
