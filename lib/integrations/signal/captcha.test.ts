// Signal's RATE_LIMIT_FAILURE (Healthchecks' SignalRateLimitFailure): sendalerts → the signal
// transport → the signal-cli stand-in answers with a challenge token; the ADMINS get the token
// and how to submit a CAPTCHA, the project owner gets the alert by email, the notification
// records "CAPTCHA proof required" and the channel stays enabled. Mail goes to a loopback SMTP sink.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../db";
import { setEnv } from "../../env";
import { forEachDatabase } from "../../../tests/helpers/databases";
import { useChatFixture } from "../../../tests/helpers/chat";
import { useSmtpSink } from "../../../tests/helpers/alerts";
import { signalSuccess, startSignalCli, type SignalRpcRequest } from "../../../tests/helpers/signal-cli";

const TOKEN = "fddc87d7-572a-4559-9081-b41e3bc25254";

function rateLimited(token: string | null) {
  return (req: SignalRpcRequest): unknown => ({
    jsonrpc: "2.0",
    error: {
      code: -1,
      message: "Failed to send message",
      data: {
        response: {
          results: [{ recipientAddress: { number: "+15551234567" }, type: "RATE_LIMIT_FAILURE", ...(token ? { token } : {}) }],
        },
      },
    },
    id: req.id,
  });
}

const smtp = useSmtpSink();

forEachDatabase(() => {
  const fx = useChatFixture();
  const cli = startSignalCli();
  beforeAll(async () => {
    await cli.listen();
  });
  afterAll(async () => {
    setEnv({ SIGNAL_CLI_SOCKET: undefined, ADMINS: undefined, EMAIL_HOST: undefined, EMAIL_PORT: undefined, SITE_NAME: undefined });
    await cli.close();
  });
  beforeEach(() => {
    setEnv({
      SIGNAL_CLI_SOCKET: cli.address,
      ADMINS: "ops@example.org, root@example.org",
      EMAIL_HOST: "127.0.0.1",
      EMAIL_PORT: String(smtp.port),
      EMAIL_USE_TLS: "False",
      SITE_NAME: "Vigil Test",
    });
    cli.requests.length = 0;
    cli.reply = signalSuccess;
  });

  const mailTo = (address: string) => smtp.messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address));

  describe("signal RATE_LIMIT_FAILURE", () => {
    test("mails the admins the challenge and the owner the alert, records the error and keeps the channel enabled", async () => {
      const channel = await fx.addChannel("signal", { value: "+15551234567", up: true, down: true });
      cli.reply = rateLimited(TOKEN);
      const report = await fx.deliverDown("timeout", { name: "Foo & Co" });

      // Retrying cannot help until the CAPTCHA is solved: one try only.
      expect(cli.requests).toHaveLength(1);
      expect(report.deliveries).toMatchObject([{ kind: "signal", error: "CAPTCHA proof required" }]);
      const notification = await getDb().notification.findFirstOrThrow({ where: { channelId: channel.id } });
      expect(notification.error).toBe("CAPTCHA proof required");
      const reloaded = await fx.reload(channel);
      expect(reloaded.disabled).toBe(false);
      expect(reloaded.lastError).toBe("CAPTCHA proof required");

      await smtp.waitForMessages(2);
      const [admin] = mailTo("ops@example.org");
      expect(admin.subject).toBe("[Vigil Test] Signal CAPTCHA proof required");
      expect(mailTo("root@example.org")).toEqual([admin]);
      expect(admin.text).toContain(`Challenge token: ${TOKEN}`);
      expect(admin.text).toContain("https://signalcaptchas.org/challenge/generate.html");
      expect(admin.text).toContain(`"method":"submitRateLimitChallenge","params":{"challenge":"${TOKEN}","captcha":"CAPTCHA-SOLUTION-HERE"}`);
      expect(admin.text).toContain(`| nc 127.0.0.1 ${cli.address.split(":")[1]}`);
      expect(admin.text).toContain(`submitRateLimitChallenge --challenge ${TOKEN} --captcha CAPTCHA-SOLUTION-HERE`);
      // signal-cli's own reply, for troubleshooting.
      expect(admin.text).toContain('"type":"RATE_LIMIT_FAILURE"');
      expect(admin.html).toContain(`Challenge token: <b>${TOKEN}</b>`);

      const [owner] = mailTo("alice@example.org");
      expect(owner.subject).toBe("Signal notification failed: “Foo & Co” is DOWN");
      expect(owner.text).toContain("We could not deliver a Signal notification to +155******567 due to hitting a rate-limit on the Signal network");
      // The plain text has no markup and no entities; the HTML keeps the bold parts, escaped.
      expect(owner.text).toContain("***\n“Foo & Co” is DOWN\n\nThe check “Foo & Co” is DOWN (success signal did not arrive on time, grace time passed).");
      expect(owner.text).toContain("Project: Alice's Project");
      expect(owner.html).toContain("<b>“Foo &amp; Co” is DOWN</b>");
      expect(owner.text).toContain("The Vigil Test Team");
    });

    test("mails the admins once per challenge token, but the owner every time", async () => {
      await fx.addChannel("signal", "+15551234567");
      cli.reply = rateLimited(TOKEN);
      await fx.deliverDown();
      await fx.deliverDown();
      await smtp.waitForMessages(3);
      expect(mailTo("ops@example.org")).toHaveLength(1);
      expect(mailTo("alice@example.org")).toHaveLength(2);

      cli.reply = rateLimited("0c3f0e5a-1111-4222-8333-444455556666");
      await fx.deliverDown();
      await smtp.waitForMessages(5);
      expect(mailTo("ops@example.org").map((m) => m.text?.split("\n")[0])).toEqual([
        `Challenge token: ${TOKEN}`,
        "Challenge token: 0c3f0e5a-1111-4222-8333-444455556666",
      ]);
    });

    test("without ADMINS only the owner is mailed", async () => {
      setEnv({ ADMINS: undefined });
      await fx.addChannel("signal", "alice.01");
      cli.reply = rateLimited(TOKEN);
      expect((await fx.deliverDown()).deliveries[0].error).toBe("CAPTCHA proof required");
      await smtp.waitForMessages(1);
      expect(smtp.messages.map((m) => m.subject)).toEqual(["Signal notification failed: “DB Backup” is DOWN"]);
      // Usernames are masked the same way.
      expect(smtp.messages[0].text).toContain("notification to alic******.01 due to");
    });

    test("a rate-limit failure without a challenge token is an ordinary error, tried twice", async () => {
      await fx.addChannel("signal", "+15551234567");
      cli.reply = rateLimited(null);
      expect((await fx.deliverDown()).deliveries[0].error).toBe("signal-cli call failed (-1)");
      expect(cli.requests).toHaveLength(2);
      expect(smtp.messages).toHaveLength(0);
    });
  });
});
