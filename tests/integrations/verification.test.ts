import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../lib/db";
import { setEnv } from "../../lib/env";
import { userActor } from "../../lib/auth/actor";
import { getUnsubscribeToken, unsubscribeChannel } from "../../lib/integrations/email/unsubscribe";
import {
  confirmChannelEmail as confirm,
  findChannelByVerifyToken,
  getVerifyToken,
} from "../../lib/integrations/email/verification";
import { resendConfirmation as resend } from "../../lib/channels/resend-confirmation";
import { forEachDatabase, resetDatabase } from "../helpers/databases";
import { startSmtpSink, type SmtpSink } from "../helpers/alerts";
import { addChannel, createIntegrationFixtures, editChannel, findVerifyLink } from "./helpers";

const confirmChannelEmail = (channelCode: string, token: string) => confirm({ channelCode, token });
const resendVerification = (userId: number, channelCode: string) => resend({ actor: userActor(userId), channelCode });
/** A one-click unsubscribe with the link's own signature. */
const unsubscribe = (channelCode: string) => unsubscribeChannel({ channelCode, token: getUnsubscribeToken(channelCode) });

let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
});

const email = (value: string, flags: { up?: boolean; down?: boolean } = {}) => ({
  kind: "email",
  config: { value, up: flags.up ?? true, down: flags.down ?? true },
});

describe("verification tokens", () => {
  test("are stable per channel and address and differ otherwise", () => {
    setEnv({ SECRET_KEY: "test-secret-key" });
    const code = "8f1a0f4e-2c1b-4f5e-9a3b-3d2e1f0a9b8c";
    const token = getVerifyToken(code, "ops@example.org");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(getVerifyToken(code, "OPS@example.org")).toBe(token);
    expect(getVerifyToken(code, "other@example.org")).not.toBe(token);
    expect(getVerifyToken("8f1a0f4e-2c1b-4f5e-9a3b-3d2e1f0a9b8d", "ops@example.org")).not.toBe(token);
    setEnv({ SECRET_KEY: "another-secret" });
    try {
      expect(getVerifyToken(code, "ops@example.org")).not.toBe(token);
    } finally {
      setEnv({ SECRET_KEY: "test-secret-key" });
    }
  });
});

forEachDatabase(() => {
  let f: Awaited<ReturnType<typeof createIntegrationFixtures>>;

  beforeAll(() => {
    setEnv({ EMAIL_HOST: "127.0.0.1", EMAIL_PORT: String(smtp.port), EMAIL_USE_TLS: "False", SITE_ROOT: "https://vigil.example.org", SITE_NAME: "Vigil Test" });
  });
  beforeEach(async () => {
    await resetDatabase();
    smtp.messages.length = 0;
    smtp.raw.length = 0;
    f = await createIntegrationFixtures();
  });

  test("a new channel is attached to every check of the project", async () => {
    const { channel } = await addChannel(f.alice.id, f.project.code, email("alice@example.org"));
    const links = await getDb().channelCheck.findMany({ where: { channelId: channel.id } });
    expect(links.map((l) => l.checkId).sort()).toEqual(f.checks.map((c) => c.id).sort());
  });

  test("an address of the owner or a member (any case) is confirmed without a link", async () => {
    for (const address of ["alice@example.org", "Bob@Example.org", "dave@example.org"]) {
      const result = await addChannel(f.bob.id, f.project.code, email(address));
      expect(result).toMatchObject({ verificationSent: false, verificationError: null });
      expect(result.channel.emailVerified).toBe(true);
    }
    expect(smtp.messages).toHaveLength(0);
  });

  test("another address starts unconfirmed and gets a link that confirms it on POST", async () => {
    const result = await addChannel(f.alice.id, f.project.code, email("ops@example.org"));
    expect(result.verificationSent).toBe(true);
    expect(result.channel.emailVerified).toBe(false);
    await smtp.waitForMessages(1);
    const [msg] = smtp.messages;
    expect(msg.subject).toBe("Verify email address on Vigil Test");
    expect(msg.to && !Array.isArray(msg.to) ? msg.to.text : "").toBe("ops@example.org");
    expect(msg.text).toContain(`"Alice's Project"`);

    const link = new URL(findVerifyLink(msg.text));
    const [, , code, , token] = link.pathname.split("/");
    expect(link.origin).toBe("https://vigil.example.org");
    expect(code).toBe(result.channel.code);
    // Opening the link (GET) only looks the channel up; confirming is a separate step.
    expect((await findChannelByVerifyToken(code, token))?.id).toBe(result.channel.id);
    expect((await getDb().channel.findUniqueOrThrow({ where: { id: result.channel.id } })).emailVerified).toBe(false);
    await confirmChannelEmail(code, token);
    expect((await getDb().channel.findUniqueOrThrow({ where: { id: result.channel.id } })).emailVerified).toBe(true);
  });

  test("a tampered, foreign or outdated token is refused", async () => {
    const { channel } = await addChannel(f.alice.id, f.project.code, email("ops@example.org"));
    const other = await addChannel(f.alice.id, f.project.code, email("ops2@example.org"));
    const token = getVerifyToken(channel.code, "ops@example.org");
    const tampered = (token[0] === "A" ? "B" : "A") + token.slice(1);
    for (const [code, t] of [
      [channel.code, tampered],
      [channel.code, token.slice(0, -1)],
      [channel.code, ""],
      [other.channel.code, token],
      ["not-a-uuid", token],
      ["00000000-0000-4000-8000-000000000000", token],
    ]) {
      expect(await findChannelByVerifyToken(code, t)).toBeNull();
      await expect(confirmChannelEmail(code, t)).rejects.toMatchObject({ code: "not_found" });
    }
    // Changing the address invalidates links sent for the old one.
    await editChannel(f.alice.id, channel.code, email("new@example.org"));
    await expect(confirmChannelEmail(channel.code, token)).rejects.toMatchObject({ code: "not_found" });
    const rows = await getDb().channel.findMany({ where: { emailVerified: true } });
    expect(rows).toHaveLength(0);
  });

  test("a webhook channel has no confirmation link", async () => {
    const { channel } = await addChannel(f.alice.id, f.project.code, {
      kind: "webhook",
      config: { url_down: "https://example.org/down" },
    });
    expect(await findChannelByVerifyToken(channel.code, getVerifyToken(channel.code, ""))).toBeNull();
  });

  test("with EMAIL_USE_VERIFICATION=False every address is confirmed at once", async () => {
    setEnv({ EMAIL_USE_VERIFICATION: "False" });
    try {
      const result = await addChannel(f.alice.id, f.project.code, email("ops@example.org"));
      expect(result.channel.emailVerified).toBe(true);
      expect(result.verificationSent).toBe(false);
      const edited = await editChannel(f.alice.id, result.channel.code, email("other@example.org"));
      expect(edited.channel.emailVerified).toBe(true);
    } finally {
      setEnv({ EMAIL_USE_VERIFICATION: undefined });
    }
    expect(smtp.messages).toHaveLength(0);
  });

  test("editing keeps the confirmation while the address is unchanged, and asks again for a new one", async () => {
    const { channel } = await addChannel(f.alice.id, f.project.code, email("alice@example.org"));
    const sameAddress = await editChannel(f.alice.id, channel.code, { name: "me", ...email("alice@example.org", { up: false }) });
    expect(sameAddress.channel).toMatchObject({ name: "me", emailVerified: true });
    expect(sameAddress.verificationSent).toBe(false);

    const newAddress = await editChannel(f.alice.id, channel.code, email("ops@example.org"));
    expect(newAddress.channel.emailVerified).toBe(false);
    expect(newAddress.verificationSent).toBe(true);
    await smtp.waitForMessages(1);
    expect(findVerifyLink(smtp.messages[0].text)).toContain(getVerifyToken(channel.code, "ops@example.org"));
  });

  test("a failed confirmation email leaves the channel saved and unconfirmed", async () => {
    setEnv({ EMAIL_HOST: "" });
    try {
      const result = await addChannel(f.alice.id, f.project.code, email("ops@example.org"));
      expect(result.verificationSent).toBe(false);
      expect(result.verificationError).toContain("EMAIL_HOST is not set");
      expect(await getDb().channel.count()).toBe(1);
    } finally {
      setEnv({ EMAIL_HOST: "127.0.0.1" });
    }
  });

  test("resend mails the link again, and only for unconfirmed email channels", async () => {
    const { channel } = await addChannel(f.alice.id, f.project.code, email("ops@example.org"));
    await smtp.waitForMessages(1);
    await resendVerification(f.bob.id, channel.code);
    await smtp.waitForMessages(2);
    expect(findVerifyLink(smtp.messages[1].text)).toBe(findVerifyLink(smtp.messages[0].text));

    const own = await addChannel(f.alice.id, f.project.code, email("alice@example.org"));
    await expect(resendVerification(f.alice.id, own.channel.code)).rejects.toMatchObject({ code: "bad_request" });
    await expect(resendVerification(f.dave.id, channel.code)).rejects.toMatchObject({ code: "forbidden" });
    await expect(resendVerification(f.charlie.id, channel.code)).rejects.toMatchObject({ code: "not_found" });
  });

  test("resending is limited to 3 confirmation emails an hour per address", async () => {
    const { channel } = await addChannel(f.alice.id, f.project.code, email("ops@example.org"));
    await smtp.waitForMessages(1);
    for (let i = 0; i < 3; i++) await resendVerification(f.bob.id, channel.code);
    await expect(resendVerification(f.alice.id, channel.code)).rejects.toMatchObject({ code: "rate_limited" });
    await smtp.waitForMessages(4);
    // Another channel to the same address shares the limit: it is the address that is mailed.
    const again = await addChannel(f.alice.id, f.project.code, email("OPS@example.org", { up: false }));
    await expect(resendVerification(f.alice.id, again.channel.code)).rejects.toMatchObject({ code: "rate_limited" });
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(5);
  });

  test("unsubscribing disables an email channel, and saving it again asks the address to confirm", async () => {
    const { channel } = await addChannel(f.alice.id, f.project.code, email("ops@example.org"));
    await confirmChannelEmail(channel.code, getVerifyToken(channel.code, "ops@example.org"));
    expect(await unsubscribe(channel.code)).toBe(true);
    expect(await getDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).toMatchObject({ disabled: true });
    // Repeating it (a second one-click POST) is harmless.
    expect(await unsubscribe(channel.code)).toBe(true);

    smtp.messages.length = 0;
    const saved = await editChannel(f.alice.id, channel.code, email("ops@example.org"));
    expect(saved.channel).toMatchObject({ disabled: false, emailVerified: false });
    expect(saved.verificationSent).toBe(true);
  });

  test("unsubscribe ignores unknown codes and other kinds", async () => {
    const webhook = await addChannel(f.alice.id, f.project.code, { kind: "webhook", config: { url_down: "https://example.org/" } });
    expect(await unsubscribe(webhook.channel.code)).toBe(false);
    expect(await unsubscribe("00000000-0000-4000-8000-000000000000")).toBe(false);
    expect(await unsubscribe("nope")).toBe(false);
    expect(await getDb().channel.findUniqueOrThrow({ where: { id: webhook.channel.id } })).toMatchObject({ disabled: false });
  });
});
