import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../db";
import { setEnv } from "../../env";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { useChatFixture } from "../../../tests/helpers/chat";
import { startSmtpSink, type SmtpSink } from "../../../tests/helpers/alerts";
import { consumePhoneQuota, quotaMonth } from "./quota";

forEachDatabase(
  () => {
    const fx = useChatFixture();
    beforeEach(() => {
      setEnv({ TWILIO_API_URL: fx.sink.url });
      fx.sink.respond = (_req, res) => {
        res.statusCode = 201;
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ sid: "SM0001", status: "queued" }));
      };
    });
    afterEach(() => setEnv({ TWILIO_API_URL: undefined }));

    const owner = () => getDb().user.findUniqueOrThrow({ where: { id: fx.ownerId } });
    const setOwner = (data: Record<string, unknown>) => getDb().user.update({ where: { id: fx.ownerId }, data });

    test("new accounts get 10000 per month; the counter restarts when the month changes", async () => {
      expect(await owner()).toMatchObject({ smsLimit: 10000, smsSent: 0, smsSentMonth: "", callLimit: 10000, callsSent: 0, callsSentMonth: "" });
      const nov = new Date("2026-11-30T23:59:59Z");
      expect(quotaMonth(nov)).toBe("2026-11");
      await setOwner({ smsLimit: 2 });
      expect(await consumePhoneQuota(fx.ownerId, "sms", nov)).toBe(true);
      expect(await consumePhoneQuota(fx.ownerId, "sms", nov)).toBe(true);
      expect(await consumePhoneQuota(fx.ownerId, "sms", nov)).toBe(false);
      expect(await owner()).toMatchObject({ smsSent: 2, smsSentMonth: "2026-11", callsSent: 0 });
      const dec = new Date("2026-12-01T00:00:00Z");
      expect(await consumePhoneQuota(fx.ownerId, "sms", dec)).toBe(true);
      expect(await owner()).toMatchObject({ smsSent: 1, smsSentMonth: "2026-12" });
      // Calls have their own counter.
      await setOwner({ callLimit: 1 });
      expect(await consumePhoneQuota(fx.ownerId, "call", dec)).toBe(true);
      expect(await consumePhoneQuota(fx.ownerId, "call", dec)).toBe(false);
      expect(await owner()).toMatchObject({ smsSent: 1, callsSent: 1, callsSentMonth: "2026-12" });
    });

    test("a limit of 0 refuses everything", async () => {
      await setOwner({ callLimit: 0 });
      expect(await consumePhoneQuota(fx.ownerId, "call", new Date())).toBe(false);
    });

    test("concurrent consumption never exceeds the limit", async () => {
      await setOwner({ smsLimit: 7 });
      const now = new Date("2026-11-15T12:00:00Z");
      const results = await Promise.all(Array.from({ length: 25 }, () => consumePhoneQuota(fx.ownerId, "sms", now)));
      expect(results.filter(Boolean)).toHaveLength(7);
      expect(await owner()).toMatchObject({ smsSent: 7, smsSentMonth: "2026-11" });
    });

    test("SMS and WhatsApp share the SMS quota", async () => {
      setEnv({ TWILIO_USE_WHATSAPP: "True" });
      try {
        await setOwner({ smsLimit: 1 });
        await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
        await fx.addChannel("whatsapp", { value: "+15551234567", up: true, down: true });
        const report = await fx.deliverDown();
        expect(report.deliveries.map((d) => d.error).sort()).toEqual(["", "Monthly SMS limit exceeded"]);
        expect(fx.sink.requests).toHaveLength(1);
      } finally {
        setEnv({ TWILIO_USE_WHATSAPP: undefined });
      }
    });

    test("without EMAIL_HOST the limit error is still recorded and nothing is mailed", async () => {
      await setOwner({ callLimit: 0 });
      const channel = await fx.addChannel("call", { value: "+15551234567" });
      const report = await fx.deliverDown();
      expect(report.deliveries).toMatchObject([{ kind: "call", error: "Monthly phone call limit exceeded" }]);
      expect(fx.sink.requests).toHaveLength(0);
      // Not permanent: the channel stays enabled.
      expect((await fx.reload(channel)).disabled).toBe(false);
    });

    describe("with SMTP configured", () => {
      let smtp: SmtpSink;
      beforeEach(async () => {
        smtp = await startSmtpSink();
        setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(smtp.port), EMAIL_USE_TLS: "False" });
      });
      afterEach(async () => {
        setEnv({ EMAIL_HOST: undefined, EMAIL_PORT: undefined, EMAIL_USE_TLS: undefined });
        await smtp.close();
      });

      test("over the limit: the error, and one notice a month to the owner and members", async () => {
        await setOwner({ smsLimit: 1 });
        const channel = await fx.addChannel("sms", { value: "+15551234567", up: true, down: true });
        expect((await fx.deliverDown()).deliveries).toMatchObject([{ kind: "sms", error: "" }]);
        expect(fx.sink.requests).toHaveLength(1);

        const refused = await fx.deliverDown();
        expect(refused.deliveries).toMatchObject([{ kind: "sms", error: "Monthly SMS limit exceeded" }]);
        expect(fx.sink.requests).toHaveLength(1);
        const reloaded = await fx.reload(channel);
        expect(reloaded.disabled).toBe(false);
        expect(reloaded.lastError).toBe("Monthly SMS limit exceeded");

        await smtp.waitForMessages(2);
        const recipients = smtp.messages.map((m) => m.to && !Array.isArray(m.to) && m.to.text).sort();
        expect(recipients).toEqual(["alice@example.org", "bob@example.org"]);
        for (const m of smtp.messages) {
          expect(m.subject).toBe("Monthly SMS limit exceeded");
          expect(m.text).toContain("Alice's Project");
          expect(m.text).toContain("1 per month");
        }

        // Further refusals this month send no more notices.
        expect((await fx.deliverDown()).deliveries[0].error).toBe("Monthly SMS limit exceeded");
        await new Promise((r) => setTimeout(r, 200));
        expect(smtp.messages).toHaveLength(2);
        expect(fx.sink.requests).toHaveLength(1);
      });
    });
  },
  {
    INTEGRATIONS_ALLOW_PRIVATE_IPS: "True",
    TWILIO_ACCOUNT: "AC0123456789abcdef0123456789abcdef",
    TWILIO_AUTH: "twilio-auth-token",
    TWILIO_FROM: "+15550000000",
    WHATSAPP_DOWN_CONTENT_SID: "HXdown",
    WHATSAPP_UP_CONTENT_SID: "HXup",
  },
);
