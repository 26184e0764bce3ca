import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../db";
import { getEnv, setEnv } from "../../env";
import { userActor } from "../../auth/actor";
import { sendTestNotification } from "../../channels/send-test-notification";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { useChatFixture } from "../../../tests/helpers/chat";
import type { HttpSink, RecordedRequest } from "../../../tests/helpers/alerts";

const ACCOUNT = "AC0123456789abcdef0123456789abcdef";
const AUTH = "twilio-auth-token";
const BASIC = `Basic ${Buffer.from(`${ACCOUNT}:${AUTH}`).toString("base64")}`;

/** Answers like Twilio's REST API: 201 with a resource, or an error document. */
function twilioApi(sink: HttpSink, error?: { status: number; code: number; message: string }): void {
  sink.respond = (_req, res) => {
    res.setHeader("Content-Type", "application/json");
    if (error) {
      res.statusCode = error.status;
      res.end(JSON.stringify({ ...error, more_info: `https://www.twilio.com/docs/errors/${error.code}` }));
    } else {
      res.statusCode = 201;
      res.end(JSON.stringify({ sid: "SM0001", status: "queued" }));
    }
  };
}

const form = (req: RecordedRequest) => Object.fromEntries(new URLSearchParams(req.body.toString("utf8")));

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeEach(() => {
      setEnv({ TWILIO_API_URL: fx.sink.url, TWILIO_MESSAGING_SERVICE_SID: undefined, TWILIO_USE_WHATSAPP: undefined });
      twilioApi(fx.sink);
    });
    afterEach(() => setEnv({ TWILIO_API_URL: undefined, TWILIO_MESSAGING_SERVICE_SID: undefined, TWILIO_USE_WHATSAPP: undefined }));

    const callbackUrl = async () => {
      const n = await getDb().notification.findFirstOrThrow({ orderBy: { id: "desc" } });
      return `${getEnv().siteRoot}/api/v3/notifications/${n.code}/status`;
    };

    describe("sms", () => {
      test("a down flip posts the message to the Messages API", async () => {
        await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
        const report = await fx.deliverDown();
        expect(report.deliveries).toMatchObject([{ kind: "sms", error: "" }]);
        expect(fx.sink.requests).toHaveLength(1);
        const req = fx.sink.requests[0];
        expect(req.method).toBe("POST");
        expect(req.url).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
        expect(req.headers.authorization).toBe(BASIC);
        expect(req.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
        expect(form(req)).toEqual({
          To: "+15551234567",
          From: "+15550000000",
          Body: 'Vigil: The check "DB Backup" is DOWN (success signal did not arrive on time, grace time passed).',
          StatusCallback: await callbackUrl(),
        });
      });

      test("an up flip tells the downtime; the messaging service replaces From", async () => {
        setEnv({ TWILIO_MESSAGING_SERVICE_SID: "MG123" });
        await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
        await fx.deliverUpAfterDowntime();
        const fields = form(fx.sink.requests[fx.sink.requests.length - 1]);
        expect(fields.Body).toBe('Vigil: The check "DB Backup" is UP. The downtime lasted 1 hour 30 minutes.');
        expect(fields.MessagingServiceSid).toBe("MG123");
        expect(fields.From).toBeUndefined();
      });

      test("up: false skips up flips; down: false skips down flips", async () => {
        await fx.addChannel("sms", { value: "+15551234567", up: false, down: true });
        await fx.addChannel("sms", { value: "+15557654321", up: true, down: false });
        await fx.deliverUpAfterDowntime();
        expect(fx.sink.requests.map((r) => form(r).To)).toEqual(["+15557654321"]);
        fx.sink.requests.length = 0;
        await fx.deliverDown();
        expect(fx.sink.requests.map((r) => form(r).To)).toEqual(["+15551234567"]);
      });

      test("error 21211 disables the channel: Invalid phone number, not retried", async () => {
        twilioApi(fx.sink, { status: 400, code: 21211, message: "The 'To' number +15551234567 is not a valid phone number." });
        const channel = await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Invalid phone number");
        expect(fx.sink.requests).toHaveLength(1);
        expect(await fx.reload(channel)).toMatchObject({ disabled: true, lastError: "Invalid phone number" });
      });

      test("a 500 is retried three times and does not disable", async () => {
        twilioApi(fx.sink, { status: 500, code: 20500, message: "Internal Server Error" });
        const channel = await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Received status code 500");
        expect(fx.sink.requests).toHaveLength(3);
        expect(await fx.reload(channel)).toMatchObject({ disabled: false });
      });

      test("a test notification is sent once", async () => {
        const channel = await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
        expect(await sendTestNotification({ actor: userActor(fx.ownerId), channelCode: channel.code })).toEqual({ status: "down", error: "" });
        expect(fx.sink.requests).toHaveLength(1);
      });

      test("private addresses are refused unless allowed", async () => {
        setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: undefined });
        try {
          await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
          expect((await fx.deliverDown()).deliveries[0].error).toBe("Connections to private IP addresses are not allowed");
          expect(fx.sink.requests).toHaveLength(0);
        } finally {
          setEnv({ INTEGRATIONS_ALLOW_PRIVATE_IPS: "True" });
        }
      });
    });

    describe("whatsapp", () => {
      test("sends the content template with whatsapp: prefixes", async () => {
        setEnv({ TWILIO_USE_WHATSAPP: "True", TWILIO_MESSAGING_SERVICE_SID: "MG123" });
        await fx.addChannel("whatsapp", { value: "+15551234567", up: true, down: true });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("");
        const req = fx.sink.requests[0];
        expect(req.url).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
        expect(req.headers.authorization).toBe(BASIC);
        expect(form(req)).toEqual({
          To: "whatsapp:+15551234567",
          From: "whatsapp:+15550000000",
          MessagingServiceSid: "MG123",
          ContentSid: "HXdown",
          ContentVariables: JSON.stringify({ "1": "DB Backup" }),
          StatusCallback: await callbackUrl(),
        });
        fx.sink.requests.length = 0;
        await fx.deliverUpAfterDowntime();
        expect(form(fx.sink.requests[fx.sink.requests.length - 1]).ContentSid).toBe("HXup");
      });
    });

    describe("call", () => {
      test("a down flip places a call reading the TwiML; up flips are skipped", async () => {
        await fx.addChannel("call", { value: "+15551234567" });
        expect((await fx.deliverDown()).deliveries[0].error).toBe("");
        const req = fx.sink.requests[0];
        expect(req.url).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Calls.json`);
        expect(req.headers.authorization).toBe(BASIC);
        expect(form(req)).toEqual({
          To: "+15551234567",
          From: "+15550000000",
          Twiml: '<Response><Say>Hello! A message from Vigil: The check &quot;DB Backup&quot; is down.</Say></Response>',
          StatusCallback: await callbackUrl(),
        });
        fx.sink.requests.length = 0;
        await fx.deliverUpAfterDowntime();
        expect(fx.sink.requests).toHaveLength(0);
      });
    });
  },
  {
    INTEGRATIONS_ALLOW_PRIVATE_IPS: "True",
    TWILIO_ACCOUNT: ACCOUNT,
    TWILIO_AUTH: AUTH,
    TWILIO_FROM: "+15550000000",
    WHATSAPP_DOWN_CONTENT_SID: "HXdown",
    WHATSAPP_UP_CONTENT_SID: "HXup",
  },
);
