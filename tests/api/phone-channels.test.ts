// The Twilio kinds in the channels API (sms, whatsapp, call: E.164 numbers, clear messages) and
// the delivery status callback POST /api/vN/notifications/<uuid>/status.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb, type Channel } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { call, createFixture, ORIGIN, type Fixture } from "./fixtures";
import { handleApiRequest } from "../../lib/api/router";

forEachDatabase(
  () => {
    let fx: Fixture;
    beforeEach(async () => {
      await resetDatabase();
      setEnv({ TWILIO_USE_WHATSAPP: "True" });
      fx = await createFixture();
    });

    const post = (body: unknown) => call("POST", "/api/v3/channels/", { key: fx.rwKey, body });
    const stored = async (res: Response) => {
      const doc = (await res.json()) as { id: string };
      return JSON.parse((await getDb().channel.findUniqueOrThrow({ where: { code: doc.id } })).config) as unknown;
    };
    const errorOf = async (body: unknown) => ((await (await post(body)).json()) as { error: string }).error;

    describe("creating phone channels", () => {
      test.each(["sms", "whatsapp"])("%s: stores {value, up, down}", async (kind) => {
        const res = await post({ kind, name: "Phone", config: { value: "+15551234567", up: false, down: true } });
        expect(res.status).toBe(201);
        expect(await res.clone().json()).toMatchObject({ name: "Phone", kind });
        expect(await stored(res)).toEqual({ value: "+15551234567", up: false, down: true });
        expect(await stored(await post({ kind, config: "+15551234567" }))).toEqual({ value: "+15551234567", up: true, down: true });
      });

      test("call: stores {value}", async () => {
        const res = await post({ kind: "call", config: { value: "+441234567890" } });
        expect(res.status).toBe(201);
        expect(await stored(res)).toEqual({ value: "+441234567890" });
        expect(await stored(await post({ kind: "call", config: "+441234567890" }))).toEqual({ value: "+441234567890" });
      });

      test("explains bad numbers and settings", async () => {
        const e164 = "must be a phone number in international format, e.g. +15551234567";
        expect(await errorOf({ kind: "sms", config: { value: "5551234567" } })).toBe(`invalid sms config: value ${e164}`);
        expect(await errorOf({ kind: "call", config: "+1234" })).toBe(`invalid call config: value ${e164}`);
        expect(await errorOf({ kind: "sms", config: { value: 15551234567 } })).toBe("invalid sms config: value must be a string");
        expect(await errorOf({ kind: "sms", config: { value: "+15551234567", up: "yes" } })).toBe("invalid sms config: up must be a boolean");
        expect(await errorOf({ kind: "sms", config: { value: "+15551234567", up: false, down: false } })).toBe(
          "invalid sms config: config must notify on up, down or both",
        );
        expect(await errorOf({ kind: "call", config: { value: "+15551234567", up: true } })).toBe("invalid call config: unexpected key up");
      });

      test("refused while Twilio is not configured; whatsapp needs TWILIO_USE_WHATSAPP", async () => {
        setEnv({ TWILIO_USE_WHATSAPP: undefined });
        expect(await errorOf({ kind: "whatsapp", config: "+15551234567" })).toBe("whatsapp integrations are disabled");
        setEnv({ TWILIO_AUTH: undefined });
        try {
          expect(await errorOf({ kind: "sms", config: "+15551234567" })).toBe("sms integrations are disabled");
          expect(await errorOf({ kind: "call", config: "+15551234567" })).toBe("call integrations are disabled");
        } finally {
          setEnv({ TWILIO_AUTH: "twilio-auth-token" });
        }
      });
    });

    describe("notification status callback", () => {
      let channel: Channel;
      const notify = async (ageMs = 0) =>
        getDb().notification.create({
          data: { code: randomUUID(), checkStatus: "down", channelId: channel.id, error: "", createdAt: new Date(Date.now() - ageMs) },
        });
      const callback = async (code: string, fields: Record<string, string>, version = 3) => {
        const res = await handleApiRequest(
          new Request(`${ORIGIN}/api/v${version}/notifications/${code}/status`, { method: "POST", body: new URLSearchParams(fields) }),
        );
        expect(res?.status).toBe(200);
        expect(await res!.text()).toBe("");
      };
      const reload = () => getDb().channel.findUniqueOrThrow({ where: { id: channel.id } });

      beforeEach(async () => {
        channel = await getDb().channel.create({ data: { code: randomUUID(), projectId: fx.project.id, kind: "sms", config: '{"value": "+15551234567"}' } });
      });

      test.each(["failed", "undelivered"])("Twilio MessageStatus=%s marks the notification and the channel", async (status) => {
        const n = await notify();
        await callback(n.code, { MessageSid: "SM1", MessageStatus: status });
        const error = `Delivery failed (status=${status}).`;
        expect((await getDb().notification.findUniqueOrThrow({ where: { id: n.id } })).error).toBe(error);
        expect(await reload()).toMatchObject({ lastError: error, disabled: false });
      });

      test("CallStatus=failed; delivered and other statuses change nothing", async () => {
        const n = await notify();
        await callback(n.code, { MessageStatus: "delivered" }, 1);
        await callback(n.code, { CallStatus: "completed" }, 2);
        expect((await getDb().notification.findUniqueOrThrow({ where: { id: n.id } })).error).toBe("");
        await callback(n.code, { CallStatus: "failed" });
        expect((await getDb().notification.findUniqueOrThrow({ where: { id: n.id } })).error).toBe("Delivery failed (status=failed).");
        expect((await reload()).lastError).toBe("Delivery failed (status=failed).");
      });

      test("a generic error, with mark_disabled disabling the channel", async () => {
        const n = await notify();
        await callback(n.code, { error: "x".repeat(250) });
        expect((await getDb().notification.findUniqueOrThrow({ where: { id: n.id } })).error).toBe("x".repeat(200));
        expect(await reload()).toMatchObject({ disabled: false });
        await callback(n.code, { error: "Mailbox full", mark_disabled: "1" });
        expect(await reload()).toMatchObject({ lastError: "Mailbox full", disabled: true });
      });

      test("notifications over an hour old and unknown codes are ignored, still 200", async () => {
        const old = await notify(61 * 60_000);
        await callback(old.code, { MessageStatus: "failed" });
        expect((await getDb().notification.findUniqueOrThrow({ where: { id: old.id } })).error).toBe("");
        await callback(randomUUID(), { MessageStatus: "failed" });
        expect((await reload()).lastError).toBe("");
        const res = await call("GET", `/api/v3/notifications/${old.code}/status`);
        expect(res.status).toBe(405);
      });
    });
  },
  { TWILIO_ACCOUNT: "AC0123456789abcdef0123456789abcdef", TWILIO_AUTH: "twilio-auth-token", TWILIO_FROM: "+15550000000" },
);
